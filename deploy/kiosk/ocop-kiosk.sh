#!/bin/sh
# Starts Chromium in kiosk mode on the OCOP Quảng Ninh app's /kiosk page.
# Run by the systemd user unit ocop-kiosk.service (which restarts it if it exits or crashes)
# or by the autostart entry ocop-kiosk.desktop; see docs/kiosk-and-offline.md.
#
# Settings (environment, or ~/.config/ocop-kiosk/kiosk.env for the unit):
#   OCOP_KIOSK_URL          the kiosk page (default http://localhost:8080/kiosk)
#   CHROMIUM                the browser (default /usr/bin/chromium)
#   OCOP_KIOSK_PROFILE      Chromium's profile: holds the app's offline copy (service worker)
#   OCOP_KIOSK_EXTRA_FLAGS  more flags, e.g. --no-sandbox when run as root in a container
set -eu

here=$(cd "$(dirname "$0")" && pwd)
url=${OCOP_KIOSK_URL:-http://localhost:8080/kiosk}
chromium=${CHROMIUM:-/usr/bin/chromium}
profile=${OCOP_KIOSK_PROFILE:-${XDG_STATE_HOME:-$HOME/.local/state}/ocop-kiosk/profile}
flags_file=${OCOP_KIOSK_FLAGS_FILE:-$here/chromium-flags}
mkdir -p "$profile"

# Screen blanking and power saving off (X11; on Wayland set it in the compositor).
if [ -n "${DISPLAY:-}" ] && command -v xset >/dev/null 2>&1; then
  xset s off || true
  xset s noblank || true
  xset -dpms || true
fi

# After a crash or power cut Chromium would offer to restore the last session: mark the
# last exit as clean, so the kiosk comes back straight to its attract screen.
prefs="$profile/Default/Preferences"
if [ -f "$prefs" ]; then
  sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[A-Za-z]*"/"exit_type":"Normal"/' "$prefs"
fi

flags=$(grep -v '^[[:space:]]*#' "$flags_file" | grep -v '^[[:space:]]*$' | tr '\n' ' ')
# shellcheck disable=SC2086 # one flag a word, by design (chromium-flags has no spaces in flags)
exec "$chromium" $flags --user-data-dir="$profile" ${OCOP_KIOSK_EXTRA_FLAGS:-} "$url"
