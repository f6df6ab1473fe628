#!/usr/bin/env bash
# Times SVG validation (libxml2 parse + SVG 1.1 DTD + structural/security rules) on a large
# workflow SVG and prints the median. Target: < 200 ms for a 5,000-node workflow SVG.
#
#   Benchmarks/bench-validate.sh [SVG]
#
# Environment:
#   PACKAGE_DIR  package to build (default: the repository root)
#   RUNS         number of timed runs (default: 11)
#   NODES        size of the generated workflow when no SVG is given (default: 5000)
#   TARGET_MS    target median in ms (default: 200); BENCH_STRICT=1 fails above it
#
# Without an SVG argument it generates a NODES-node workflow snapshot
# (Benchmarks/make_large_snapshot.py), renders it with our own `awx-report render`, and times
# the validation of the resulting graph.svg: the document the tool itself validates.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGE_DIR="${PACKAGE_DIR:-$ROOT}"
RUNS="${RUNS:-11}"
TARGET_MS="${TARGET_MS:-200}"
NODES="${NODES:-5000}"
OUT_DIR="$ROOT/bench-out"

svg="${1:-}"
if [[ -z "$svg" ]]; then
  mkdir -p "$OUT_DIR"
  snapshot="$OUT_DIR/validate-$NODES.snapshot.json"
  echo "Generating a $NODES-node workflow and rendering it with awx-report..." >&2
  python3 "$ROOT/Benchmarks/make_large_snapshot.py" "$NODES" "$snapshot"
  swift build --package-path "$PACKAGE_DIR" -c release --product awx-report >&2
  report="$(swift build --package-path "$PACKAGE_DIR" -c release --show-bin-path)/awx-report"
  rm -rf "$OUT_DIR/validate-render"
  "$report" render "$snapshot" --out "$OUT_DIR/validate-render" -q
  svg="$(ls "$OUT_DIR"/validate-render/workflow-job-*/graph.svg)"
  echo "$svg: $(wc -c < "$svg") bytes, $(wc -l < "$svg") lines" >&2
fi

echo "Building bench-validate (release) in $PACKAGE_DIR..." >&2
swift build --package-path "$PACKAGE_DIR" -c release --product bench-validate >&2
bin="$(swift build --package-path "$PACKAGE_DIR" -c release --show-bin-path)/bench-validate"

output="$("$bin" time "$svg" "$RUNS")"
echo "$output"
median="$(sed -n 's/.*median=\([0-9.]*\) ms.*/\1/p' <<<"$output")"
echo "median: ${median} ms (target < ${TARGET_MS} ms) for $svg"
if awk -v m="$median" -v t="$TARGET_MS" 'BEGIN { exit !(m >= t) }'; then
  echo "bench-validate.sh: median above target" >&2
  [[ "${BENCH_STRICT:-0}" == 1 ]] && exit 1
fi
exit 0
