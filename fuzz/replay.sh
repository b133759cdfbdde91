#!/usr/bin/env bash
# Replays a fuzz target's whole corpus, then fuzzes it for a few seconds more (ctest runs this;
# ./gopy test builds the targets with clang in their own folder). Any crash, leak or sanitizer
# report fails the test; the corpus in the tree is never modified.
#   fuzz/replay.sh BINARY CORPUS_DIR SECONDS
set -euo pipefail
binary="$(readlink -f "$1")" corpus="$2" seconds="${3:-20}"
[ -x "$binary" ] || { echo "fuzz target not built: $binary (./gopy test builds it with clang)" >&2; exit 1; }
[ -d "$corpus" ] && [ -n "$(ls -A "$corpus")" ] || { echo "empty corpus: $corpus" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$corpus"/. "$work/"
# -runs=0: run every corpus input once and stop.
"$binary" -runs=0 -max_len=1048576 "$work" 2>&1 | tail -n 3
"$binary" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$work" 2>&1 | tail -n 12
