#!/bin/sh
# Install step: opens the kiosk page once, headless, in the kiosk's own Chromium profile, so
# the app's service worker installs and precaches the whole app (shell, every wasm part,
# dataset, map outline) before the first visitor — and before the network first fails.
# Same settings as ocop-kiosk.sh, plus OCOP_KIOSK_WARM_SECONDS (default 30): how long the
# page stays open (a local install takes a few seconds; allow for a slow link).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
url=${OCOP_KIOSK_URL:-http://localhost:8080/kiosk}
chromium=${CHROMIUM:-/usr/bin/chromium}
profile=${OCOP_KIOSK_PROFILE:-${XDG_STATE_HOME:-$HOME/.local/state}/ocop-kiosk/profile}
seconds=${OCOP_KIOSK_WARM_SECONDS:-30}
mkdir -p "$profile"

# The kiosk's own flags minus --kiosk (there is no screen to fill), headless.
flags=$(grep -v '^[[:space:]]*#' "$here/chromium-flags" | grep -v '^[[:space:]]*$' | grep -v '^--kiosk$' | tr '\n' ' ')
echo "warm-precache: opening $url for ${seconds}s in $profile"
# SIGTERM lets Chromium shut down cleanly and write the cache to disk.
# shellcheck disable=SC2086
timeout --signal=TERM "$seconds" "$chromium" --headless=new $flags --user-data-dir="$profile" \
  ${OCOP_KIOSK_EXTRA_FLAGS:-} "$url" || status=$?
# timeout's 124 is the expected end: the page was open for the whole time.
if [ "${status:-0}" -ne 0 ] && [ "${status:-0}" -ne 124 ]; then
  echo "warm-precache: chromium exited with $status" >&2
  exit "$status"
fi
echo "warm-precache: done"
