#!/bin/sh
# Installs the kiosk for the current (auto-login) user: the launcher and flags, the settings
# file, the offline copy warmed, and the systemd user unit enabled. Run again to update the
# recipe; the app itself updates by its service worker (docs/kiosk-and-offline.md).
# Usage: sh install.sh https://ocop.example.vn/kiosk
set -eu
here=$(cd "$(dirname "$0")" && pwd)
url=${1:?usage: install.sh KIOSK_URL}
share="$HOME/.local/share/ocop-kiosk"
config="$HOME/.config/ocop-kiosk"
mkdir -p "$share" "$config" "$HOME/.config/systemd/user"
cp "$here/ocop-kiosk.sh" "$here/warm-precache.sh" "$here/chromium-flags" "$share/"
chmod +x "$share/ocop-kiosk.sh" "$share/warm-precache.sh"
if [ ! -f "$config/kiosk.env" ]; then
  printf 'OCOP_KIOSK_URL=%s\n' "$url" > "$config/kiosk.env"
fi
OCOP_KIOSK_URL=$url "$share/warm-precache.sh"
cp "$here/ocop-kiosk.service" "$HOME/.config/systemd/user/"
systemctl --user daemon-reload
systemctl --user enable --now ocop-kiosk.service
echo "installed: the kiosk starts with the graphical session; logs: journalctl --user -u ocop-kiosk"
