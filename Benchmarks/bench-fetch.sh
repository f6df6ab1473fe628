#!/usr/bin/env bash
# Fetch benchmark: a 1,000-node workflow with child jobs from the loopback fake AWX server,
# with 20 ms of injected latency per request, fetched by a release-mode driver over libcurl.
# Target: at most 15 requests and under 1 s of wall time.
#
# Usage: Benchmarks/bench-fetch.sh            (builds in the repository's package)
#        PACKAGE_DIR=/path/to/package Benchmarks/bench-fetch.sh
# Environment: NODES (1000), LATENCY_MS (20), RUNS (3).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package="${PACKAGE_DIR:-$repo}"
nodes="${NODES:-1000}"
latency="${LATENCY_MS:-20}"
runs="${RUNS:-3}"
server_script="$repo/Tests/AWXReportFetchTests/Server/awx_server.py"
python="$(command -v python3)"

echo "building bench-fetch (release) in $package" >&2
swift build -c release --product bench-fetch --package-path "$package" >&2
bin="$(swift build -c release --show-bin-path --package-path "$package")/bench-fetch"

workdir="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

token="bench-$RANDOM-$RANDOM-token"
"$python" "$server_script" --nodes "$nodes" --latency-ms "$latency" --token "$token" \
  >"$workdir/server.out" &
server_pid=$!
for _ in $(seq 1 200); do
  grep -q '^PORT ' "$workdir/server.out" 2>/dev/null && break
  sleep 0.05
done
port="$(awk '/^PORT /{print $2; exit}' "$workdir/server.out")"
[[ -n "$port" ]] || { echo "bench-fetch.sh: the server did not start" >&2; exit 1; }

echo "workflow: $nodes nodes with child jobs; latency ${latency} ms per request; port $port"
CONTROLLER_HOST="http://127.0.0.1:$port" CONTROLLER_TOKEN="$token" \
  "$bin" --id 7 --runs "$runs"
