#!/bin/bash
# Instructions per frame, counted by valgrind, at two revisions: `benches/compare-frames.sh OLD NEW`
# (NEW defaults to HEAD). Each revision's bench is built in a worktree of its own, with
# benches/support/icount.rs appended; each view is drawn 0 and 10 times and the difference divided
# by 10, so loading the programme is left out. Needs valgrind; the 100k rows need ../shared.
set -euo pipefail
old=${1:?usage: benches/compare-frames.sh OLD [NEW]}
new=${2:-HEAD}
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$work/old" 2>/dev/null; git -C "$repo" worktree remove --force "$work/new" 2>/dev/null; rm -rf "$work"' EXIT
# The real programmes the 100k programme is made from are looked for beside the checkout.
[ -d "$repo/../shared" ] && ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
build() { # revision, name -> path of the bench binary
    git -C "$repo" worktree add -q --detach "$work/$2" "$1"
    sed -i 's/^criterion_main!(benches);$//' "$work/$2/benches/dagsorden.rs"
    cat "$repo/benches/support/icount.rs" >>"$work/$2/benches/dagsorden.rs"
    (cd "$work/$2" && CARGO_TARGET_DIR="$work/target-$2" cargo bench --bench dagsorden --no-run \
        --message-format=json 2>/dev/null) |
        sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1
}
count() { # binary, checkout, spec -> instructions drawn
    (cd "$2" && ICOUNT="$3" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        '--toggle-collect=*Terminal*draw*' "$1" 2>&1 >/dev/null) | awk '/Collected/ {print $4}'
}
old_bin=$(build "$old" old)
new_bin=$(build "$new" new)
printf '%-28s %12s %12s %8s\n' view "$old" "$new" change
for spec in fosdem/day/80x24 fosdem/day/200x60 fosdem/details/200x60 fosdem/now/80x24 \
    fosdem/search/200x60 fosdem/by-room/80x24 fosdem/help/80x24 fosdem/help/200x60 \
    100k/day/200x60 100k/now/80x24 100k/search/200x60 100k/by-room/80x24 100k/help/80x24; do
    per() { echo $((($(count "$1" "$2" "$spec/10") - $(count "$1" "$2" "$spec/0")) / 10)); }
    a=$(per "$old_bin" "$work/old")
    b=$(per "$new_bin" "$work/new")
    printf '%-28s %12d %12d %+7.1f%%\n' "$spec" "$a" "$b" "$(echo "($b - $a) * 100 / $a" | bc -l)"
done
