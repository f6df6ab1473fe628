#!/usr/bin/env bash
# bench-render: the HTML report's template step and the whole `awx-report render` of a
# 1,000-node workflow. Targets: template step < 20 ms, whole render < 0.3 s.
#
#   bash Benchmarks/bench-render.sh [NODES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
NODES="${1:-1000}"
RUNS="${2:-21}"
SWIFT="${SWIFT:-swift}"
OUT=bench-out
SNAPSHOT="$OUT/workflow-job-4711-$NODES.snapshot.json"

mkdir -p "$OUT"
echo "== building (release)" >&2
"$SWIFT" build -c release --product bench-render >&2
"$SWIFT" build -c release --product awx-report >&2
BIN="$("$SWIFT" build -c release --show-bin-path)"

echo "== snapshot: $NODES nodes -> $SNAPSHOT" >&2
python3 Benchmarks/make_large_snapshot.py "$NODES" "$SNAPSHOT"

echo "== template step (target < 20 ms)"
"$BIN/bench-render" "$SNAPSHOT" --runs "$RUNS" --html "$OUT/bench-report.html" \
  --timeline "$OUT/bench-timeline.svg"

echo "== whole render: awx-report render (target < 0.3 s), best of 5"
python3 - "$BIN/awx-report" "$SNAPSHOT" "$OUT/render" <<'PY'
import shutil, statistics, subprocess, sys, time
binary, snapshot, out = sys.argv[1:4]
times = []
for _ in range(7):
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([binary, "render", snapshot, "--out", out, "-q"], check=True)
    times.append(time.perf_counter() - start)
print(f"awx-report render: best {min(times):.3f} s, median {statistics.median(times):.3f} s (7 runs)")
PY
