#!/usr/bin/env bash
# Archive benchmark: `awx-report archive` of 300 finished workflow jobs of 5 to 25 nodes each
# from the loopback fake AWX server (a ThreadingHTTPServer: one thread per connection), with
# 20 ms of latency added to every request, at --concurrency 4, with the release binary.
# Prints the requests the server counted, the wall time, and the ideal: requests × latency /
# concurrency (every worker always waiting on exactly one request). Target: within 1.5× of it.
#
# Usage: Benchmarks/bench-archive.sh            (builds in the repository's package)
#        PACKAGE_DIR=/path/to/package Benchmarks/bench-archive.sh
# Environment: JOBS (300), LATENCY_MS (20), CONCURRENCY (4).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package="${PACKAGE_DIR:-$repo}"
jobs="${JOBS:-300}"
latency="${LATENCY_MS:-20}"
concurrency="${CONCURRENCY:-4}"
server_script="$repo/Tests/AWXReportFetchTests/Server/awx_server.py"
python="$(command -v /usr/bin/python3 || command -v python3)"

echo "building awx-report (release) in $package" >&2
swift build -c release --product awx-report --package-path "$package" >&2
bin="$(swift build -c release --show-bin-path --package-path "$package")/awx-report"

workdir="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

token="bench-$RANDOM-$RANDOM-token"
"$python" "$server_script" --jobs "$jobs" --jobs-finished --latency-ms "$latency" \
  --token "$token" >"$workdir/server.out" &
server_pid=$!
for _ in $(seq 1 400); do
  grep -q '^PORT ' "$workdir/server.out" 2>/dev/null && break
  sleep 0.05
done
port="$(awk '/^PORT /{print $2; exit}' "$workdir/server.out")"
[[ -n "$port" ]] || { echo "bench-archive.sh: the server did not start" >&2; exit 1; }
stats() { curl -s "http://127.0.0.1:$port/_stats" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["requests"])'; }

echo "archive: $jobs workflow jobs of 5-25 nodes; latency ${latency} ms per request;" \
  "--concurrency $concurrency; port $port"
start="$(date +%s.%N)"
CONTROLLER_HOST="http://127.0.0.1:$port" CONTROLLER_TOKEN="$token" \
  "$bin" archive --out "$workdir/archive" --concurrency "$concurrency" -q
end="$(date +%s.%N)"
requests="$(stats)"
dirs="$(find "$workdir/archive" -maxdepth 1 -name 'workflow-job-*' -type d | wc -l)"
(cd "$workdir/archive" && sha256sum --quiet -c SHA256SUMS) || { echo "SHA256SUMS does not verify" >&2; exit 1; }

"$python" - "$requests" "$start" "$end" "$latency" "$concurrency" "$dirs" <<'PY'
import sys
requests, start, end, latency, concurrency, dirs = sys.argv[1:]
requests, wall = int(requests), float(end) - float(start)
ideal = requests * float(latency) / 1000 / int(concurrency)
ratio = wall / ideal
print(f"jobs archived: {dirs}")
print(f"requests:      {requests} ({requests / max(int(dirs), 1):.2f} per job)")
print(f"wall time:     {wall:.2f} s")
print(f"ideal:         {ideal:.2f} s (requests x {latency} ms / {concurrency})")
print(f"ratio:         {ratio:.2f}x (target <= 1.5x): {'met' if ratio <= 1.5 else 'MISSED'}")
sys.exit(0 if ratio <= 1.5 else 1)
PY

# A second run has nothing new to fetch: it costs only the list requests.
before="$(stats)"
start="$(date +%s.%N)"
CONTROLLER_HOST="http://127.0.0.1:$port" CONTROLLER_TOKEN="$token" \
  "$bin" archive --out "$workdir/archive" --concurrency "$concurrency" -q
end="$(date +%s.%N)"
after="$(stats)"
printf 'second run:    %d requests (GET /api/ and the list pages), %.2f s\n' "$((after - before))" "$(echo "$end - $start" | bc)"
