#!/usr/bin/env bash
# bench-render: the HTML report's template step on a 1,000-node workflow, then the whole
# `awx-report render` (every output) at 1,000, 5,000 and 10,000 nodes: best and median wall
# time and peak RSS (getrusage of the child: ru_maxrss).
#
# Targets (whole render): <= 0.3 s at 1k, <= 1.0 s at 5k, <= 2.5 s at 10k, peak RSS < 200 MB
# at 10k. Template step: < 20 ms at 1k.
#
#   bash Benchmarks/bench-render.sh [RUNS] [SIZES...]
#
#   RUNS   whole-render runs per size (default 7); the template step runs 3x as many
#   SIZES  node counts (default: 1000 5000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-7}"
shift || true
SIZES=("$@")
[[ ${#SIZES[@]} -eq 0 ]] && SIZES=(1000 5000 10000)
SWIFT="${SWIFT:-swift}"
OUT=bench-out

mkdir -p "$OUT"
echo "== building (release)" >&2
"$SWIFT" build -c release --product bench-render >&2
"$SWIFT" build -c release --product awx-report >&2
BIN="$("$SWIFT" build -c release --show-bin-path)"

for nodes in "${SIZES[@]}"; do
  snapshot="$OUT/workflow-job-4711-$nodes.snapshot.json"
  [[ -f "$snapshot" ]] || python3 Benchmarks/make_large_snapshot.py "$nodes" "$snapshot"
done

first="${SIZES[0]}"
echo "== template step, $first nodes (target < 20 ms at 1,000)"
"$BIN/bench-render" "$OUT/workflow-job-4711-$first.snapshot.json" --runs "$((RUNS * 3))" \
  --html "$OUT/bench-report.html" --timeline "$OUT/bench-timeline.svg"

echo "== whole render: awx-report render, every output ($RUNS runs per size)"
python3 - "$BIN/awx-report" "$OUT" "$RUNS" "${SIZES[@]}" <<'PY'
import os, resource, shutil, statistics, subprocess, sys, time
binary, out, runs, sizes = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
targets = {"1000": (0.3, None), "5000": (1.0, None), "10000": (2.5, 200)}
for n in sizes:
    snapshot = os.path.join(out, f"workflow-job-4711-{n}.snapshot.json")
    target = os.path.join(out, f"render-{n}")
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        shutil.rmtree(target, ignore_errors=True)
        # A fresh child per run: ru_maxrss of RUSAGE_CHILDREN is the largest child so far, so
        # each run is measured through wait4 on its own process.
        start = time.perf_counter()
        proc = subprocess.Popen([binary, "render", snapshot, "--out", target, "-q"])
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        if status != 0:
            sys.exit(f"awx-report render {snapshot} failed ({status})")
        cpus.append(usage.ru_utime + usage.ru_stime)
        rss.append(usage.ru_maxrss / 1024)
    wall_t, rss_t = targets.get(n, (None, None))
    note = f" (target <= {wall_t} s" + (f", < {rss_t} MB" if rss_t else "") + ")" if wall_t else ""
    print(f"{int(n):>6,} nodes: wall best {min(walls):.3f} s, median {statistics.median(walls):.3f} s;"
          f" CPU median {statistics.median(cpus):.2f} s; peak RSS max {max(rss):.0f} MB,"
          f" median {statistics.median(rss):.0f} MB{note}")
PY
