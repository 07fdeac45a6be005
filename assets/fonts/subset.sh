#!/bin/sh
# Rebuilds the subset fonts in this directory (see README.md).
# Needs: Debian `fonts-noto-core` (apt-get install fonts-noto-core) and PyPI `fonttools`
# (pip install fonttools==4.*).
set -eu
cd "$(dirname "$0")"
SRC=/usr/share/fonts/truetype/noto
# Basic Latin, Latin-1, Latin Extended-A, the Vietnamese letters outside them (Ơ ơ Ư ư),
# the combining tone marks, Latin Extended Additional (precomposed Vietnamese), and the
# punctuation, currency and symbols the dataset and the app's texts use.
UNICODES="U+0020-007E,U+00A0-00FF,U+0100-017F,U+01A0-01A1,U+01AF-01B0,U+0300-0304,U+0306,U+0309,U+0323,U+1EA0-1EF9,U+2010-2015,U+2018-201E,U+2022,U+2026,U+2032-2033,U+20AB,U+20AC,U+2116,U+2122,U+2212"
for weight in Regular Bold; do
  pyftsubset "$SRC/NotoSans-$weight.ttf" \
    --unicodes="$UNICODES" \
    --layout-features=kern \
    --no-hinting \
    --drop-tables+=DSIG,GSUB \
    --name-IDs='*' \
    --output-file="NotoSans-$weight.ttf"
done
ls -l NotoSans-*.ttf
