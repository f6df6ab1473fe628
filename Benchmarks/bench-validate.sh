#!/usr/bin/env bash
# Times SVG validation (libxml2 parse + SVG 1.1 DTD + structural/security rules) on a large
# workflow SVG and prints the median. Target: < 200 ms for a 5,000-node workflow SVG.
# Then times the whole `awx-report validate FILE` process against `xmllint --noout --valid
# --nonet FILE` (the same libxml2 check from the shell; the DTD comes from the XML catalog,
# /etc/xml/catalog or XML_CATALOG_FILES, for both), interleaved, and prints the ratio.
# Target: awx-report within 1.1x of xmllint.
#
#   Benchmarks/bench-validate.sh [SVG]
#
# Environment:
#   PACKAGE_DIR  package to build (default: the repository root)
#   RUNS         number of timed runs (default: 11)
#   NODES        size of the generated workflow when no SVG is given (default: 5000)
#   TARGET_MS    target median in ms (default: 200); BENCH_STRICT=1 fails above it
#   TARGET_RATIO target awx-report / xmllint wall-time ratio (default: 1.1); BENCH_STRICT too
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
failed=0
if awk -v m="$median" -v t="$TARGET_MS" 'BEGIN { exit !(m >= t) }'; then
  echo "bench-validate.sh: median above target" >&2
  failed=1
fi

if ! command -v xmllint >/dev/null; then
  echo "xmllint not found (apt-get install libxml2-utils): no ratio" >&2
else
  swift build --package-path "$PACKAGE_DIR" -c release --product awx-report >&2
  report="$(swift build --package-path "$PACKAGE_DIR" -c release --show-bin-path)/awx-report"
  echo "Whole process, interleaved, $RUNS runs each: awx-report validate vs xmllint --valid"
  python3 - "$report" "$svg" "$RUNS" "${TARGET_RATIO:-1.1}" <<'PY' || failed=1
import os, statistics, subprocess, sys, time
report, svg, runs, target = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
commands = {"awx-report validate": [report, "validate", svg],
            "xmllint --noout --valid --nonet": ["xmllint", "--noout", "--valid", "--nonet", svg]}
wall = {k: [] for k in commands}
cpu = {k: [] for k in commands}
for _ in range(runs):
    for name, command in commands.items():
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall[name].append(time.perf_counter() - start)
        cpu[name].append(usage.ru_utime + usage.ru_stime)
        if status != 0:
            sys.exit(f"{name} {svg} failed ({status})")
for name in commands:
    print(f"{name}: wall best {min(wall[name]) * 1000:.0f} ms, median "
          f"{statistics.median(wall[name]) * 1000:.0f} ms; CPU median "
          f"{statistics.median(cpu[name]) * 1000:.0f} ms")
ours, theirs = commands
ratio = statistics.median(wall[ours]) / statistics.median(wall[theirs])
best = min(wall[ours]) / min(wall[theirs])
print(f"ratio awx-report / xmllint: median {ratio:.2f}x, best {best:.2f}x (target <= {target}x)")
sys.exit(1 if ratio > target else 0)
PY
fi
if [[ "$failed" == 1 ]]; then
  echo "bench-validate.sh: above target" >&2
  [[ "${BENCH_STRICT:-0}" == 1 ]] && exit 1
fi
exit 0
