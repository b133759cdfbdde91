#!/usr/bin/env bash
# Runs the four reliability loops of docs/reliability.md and prints their Markdown rows.
#   bench/reliability/run.sh [BUILD_DIR] [SECONDS] [TYPISTS]
set -euo pipefail
build="${1:-build}" seconds="${2:-120}" typists="${3:-50}"
bench="$build/bench/reliability/gopy_bench_reliability"
[ -x "$bench" ] || { echo "build it first: cmake --build $build --target gopy_bench_reliability" >&2; exit 1; }
echo "$(date -u +%F) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
for mode in kill disk-full io-error pause; do
  "$bench" --mode "$mode" --typists "$typists" --seconds "$seconds" --seed 1 2>"/tmp/gopy-reliability-$mode.err" | head -n 1 || status=1
done
exit $status
