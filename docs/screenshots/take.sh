#!/bin/sh
# Takes the README's screenshots again: the real binary, in a real terminal (xterm), on a
# virtual screen (Xvfb), typed at with xdotool, captured with xwd and ImageMagick. Re-run it
# whenever the screen changes, and commit the PNGs it writes beside it.
#
# Needs (Debian/Ubuntu): apt-get install xvfb xterm xdotool x11-apps imagemagick fonts-dejavu-core
# Usage:  docs/screenshots/take.sh [LARGE-PROGRAMME]
#         (default: ../shared/fixtures/real/fosdem-2025.xml, FOSDEM 2025's programme)
# CONVERT=/path/to/convert picks ImageMagick's convert if another one comes first on PATH.
set -eu

cd "$(dirname "$0")/../.."
out=docs/screenshots
large=${1:-../shared/fixtures/real/fosdem-2025.xml}
convert=${CONVERT:-convert}
display=:${SCREENSHOT_DISPLAY:-77}

for tool in Xvfb xterm xdotool xwd "$convert"; do
    command -v "$tool" >/dev/null || { echo "take.sh: $tool is missing (see the top of this file)" >&2; exit 2; }
done
[ -f "$large" ] || { echo "take.sh: no programme at $large; give one as the argument" >&2; exit 2; }

cargo build --release --quiet
bin=$(pwd)/target/release/dagsorden

Xvfb "$display" -screen 0 1920x1200x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$display"
sleep 1

# shot NAME COLUMNS ROWS dark|light KEYS -- dagsorden arguments…
# KEYS are xdotool key names, space-separated; each is typed with a pause after it.
shot() {
    name=$1 cols=$2 rows=$3 keys=$5
    case $4 in
        light) bg='#fafafa' fg='#1c1c1c' ;;
        *) bg='#1c1c1c' fg='#e4e4e4' ;;
    esac
    shift 6
    config="$work/$name"
    mkdir -p "$config"
    xterm -T "shot-$name" -geometry "${cols}x${rows}+0+0" \
        -fa 'DejaVu Sans Mono' -fs 11 -bg "$bg" -fg "$fg" -cr "$fg" \
        -b 8 -xrm 'XTerm*colorBDMode: false' \
        -e env DAGSORDEN_CONFIG_DIR="$config" DAGSORDEN_DATA_DIR="$config/data" \
        DAGSORDEN_CACHE_DIR="$config/cache" TZ=Europe/Oslo "$bin" "$@" &
    term=$!
    window=""
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        sleep 0.5
        window=$(xdotool search --name "^shot-$name\$" 2>/dev/null | head -n1) && [ -n "$window" ] && break
    done
    [ -n "$window" ] || { echo "take.sh: the terminal for $name did not open" >&2; exit 1; }
    xdotool windowfocus --sync "$window"
    sleep 1
    for key in $keys; do
        xdotool key --window "$window" "$key"
        sleep 0.3
    done
    sleep 1
    xwd -silent -id "$window" | "$convert" xwd:- "$out/$name.png"
    kill "$term" 2>/dev/null || true
    wait "$term" 2>/dev/null || true
    echo "wrote $out/$name.png"
}

# The KS toppmøte on its first morning, in Norwegian, with two sessions starred.
shot ks-toppmote 120 34 dark "j f j f f j" -- --lang nb --now 2024-02-13T10:30 ks-toppmote-2024

# A large programme: FOSDEM's Saturday morning, what is on now in every room.
shot large-programme 150 42 dark "o j j j f" -- --lang en --now 2025-02-01T11:10 "$large"

# The same colours on a light terminal: a search as it is typed, the matches marked.
shot light-terminal 120 30 light "slash k e r n e l Down Down" -- --lang en --now 2025-02-01T11:10 "$large"
