#!/usr/bin/env bash
# Peak memory and throughput of `parley extract` on long streamed inputs: a ZIP and JSON Lines on standard
# input, at 10,000 and 100,000 invented releases. Memory should be flat in the input's length.
#   Benchmarks/streaming/measure.sh [PARLEY_BINARY] [WORK_DIR]
# Needs /usr/bin/time (Debian package `time`) and python3 (to write the inputs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../.build/release/parley}
work=${2:-${TMPDIR:-/tmp}/parley-streaming}
mkdir -p "$work"
for n in 10000 100000; do
  [ -f "$work/r$n.zip" ] || python3 "$here/make-releases.py" "$n" "$work/r$n"
done
run() {   # label, file on standard input (or /dev/null), command...
  local label=$1 input=$2; shift 2
  /usr/bin/time -v "$@" < "$input" > "$work/out.jsonl" 2> "$work/time.txt" || true
  local rss secs docs
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | awk -F: '{print ($1 * 60) + $2}')
  docs=$(wc -l < "$work/out.jsonl")
  printf '%-20s %7d documents  %6.1f s  %6.0f documents/s  peak RSS %6.1f MB\n' "$label" "$docs" \
    "$secs" "$(echo "$docs / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}
for n in 10000 100000; do
  run "zip $n" /dev/null "$bin" extract --jobs 2 "$work/r$n.zip"
done
for n in 10000 100000; do
  run "stdin jsonl $n" "$work/r$n.jsonl" "$bin" extract --jobs 2 -
done
