#!/usr/bin/env bash
# Validates 10,000 small SVG documents (valid, DTD-invalid, not well-formed, XXE, billion
# laughs, binary, empty, missing-DTD) under valgrind and fails unless both
# "definitely lost" and "indirectly lost" are 0 bytes and valgrind saw no invalid access.
#
#   Benchmarks/leak-check.sh [N]        (default N = 10000)
#
# "possibly lost" (Swift runtime metadata caches) and "still reachable" (libxml2's parser
# globals, loaded catalogs and the cached SVG 1.1 DTD, kept for the life of the process) are
# expected and accepted.
#
# Environment: PACKAGE_DIR  package to build (default: the repository root)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGE_DIR="${PACKAGE_DIR:-$ROOT}"
COUNT="${1:-10000}"

command -v valgrind >/dev/null || { echo "leak-check.sh: valgrind not found" >&2; exit 1; }
echo "Building bench-validate (release) in $PACKAGE_DIR..." >&2
swift build --package-path "$PACKAGE_DIR" -c release --product bench-validate >&2
bin="$(swift build --package-path "$PACKAGE_DIR" -c release --show-bin-path)/bench-validate"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
valgrind --leak-check=full "$bin" leak "$COUNT" >"$log" 2>&1 || {
  cat "$log" >&2
  echo "leak-check.sh: valgrind run failed" >&2
  exit 1
}
summary="documents=|LEAK SUMMARY|== +(definitely|indirectly|possibly) lost:|still reachable:"
grep -E "$summary" "$log"

bytes() { sed -n "s/.*$1: \([0-9,]*\) bytes.*/\1/p" "$log" | tr -d , | head -n 1; }
definitely="$(bytes "definitely lost")"
indirectly="$(bytes "indirectly lost")"
# With no leak at all valgrind prints "All heap blocks were freed" instead of a summary.
if grep -q "All heap blocks were freed" "$log"; then definitely=0; indirectly=0; fi

if grep -qE "Invalid (read|write|free)|uninitialised" "$log"; then
  grep -E -A8 "Invalid (read|write|free)|uninitialised" "$log" >&2
  echo "leak-check.sh: FAIL (invalid memory access)" >&2
  exit 1
fi
if [[ "${definitely:-x}" != 0 || "${indirectly:-x}" != 0 ]]; then
  grep -B2 -A20 "definitely lost in\|indirectly lost in" "$log" >&2 || true
  echo "leak-check.sh: FAIL (definitely lost: ${definitely:-?} bytes," \
    "indirectly lost: ${indirectly:-?} bytes)" >&2
  exit 1
fi
echo "leak-check.sh: OK (definitely lost: 0 bytes, indirectly lost: 0 bytes)"
