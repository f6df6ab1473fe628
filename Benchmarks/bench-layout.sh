#!/usr/bin/env bash
# Layout benchmark: the shipped graph drawing (AWXReportLayout laid out and drawn by
# AWXReportRender's SVGGraphWriter, via bench-layout) against Graphviz dot on the generated
# workflow DAGs, scored by crossings.py. Prints one side-by-side table; our time is split into
# layout (text fitting + LayeredLayout) and SVG writing.
#
#   Benchmarks/bench-layout.sh [SIZES]          default SIZES=50,200,1000,5000,10000
#
# Environment:
#   BENCH_DIR     benchmark kit (gen_dags.py, crossings.py, dot-baseline.md)
#                 default Benchmarks/kit (in this repository)
#   PACKAGE_DIR   Swift package to build bench-layout in (default: repo root)
#   OUT_DIR       scratch output (default: <repo>/bench-out/layout, git-ignored)
#   DOT_TIMEOUT   seconds dot may take per graph before its recorded baseline is used (60)
#   RUNS          layout runs per size, median reported (default 5)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-$ROOT/Benchmarks/kit}"
PACKAGE_DIR="${PACKAGE_DIR:-$ROOT}"
OUT_DIR="${OUT_DIR:-$ROOT/bench-out/layout}"
DOT_TIMEOUT="${DOT_TIMEOUT:-60}"
RUNS="${RUNS:-5}"
SIZES="${1:-50,200,1000,5000,10000}"

for f in gen_dags.py crossings.py; do
  if [ ! -f "$BENCH_DIR/$f" ]; then
    echo "bench-layout: $BENCH_DIR/$f is missing: set BENCH_DIR to a copy of Benchmarks/kit" >&2
    exit 2
  fi
done

mkdir -p "$OUT_DIR/graphs"
echo "== building bench-layout (release) in $PACKAGE_DIR" >&2
swift build -c release --product bench-layout --package-path "$PACKAGE_DIR" >&2
BIN="$(swift build -c release --show-bin-path --package-path "$PACKAGE_DIR")/bench-layout"

echo "== generating graphs ($SIZES) into $OUT_DIR/graphs" >&2
python3 "$BENCH_DIR/gen_dags.py" --sizes "$SIZES" --seeds 1 --json --out "$OUT_DIR/graphs" >&2

HAVE_DOT=0
if command -v dot >/dev/null 2>&1; then HAVE_DOT=1; fi

RESULTS="$OUT_DIR/results.jsonl"
: >"$RESULTS"
IFS=',' read -r -a SIZE_LIST <<<"$SIZES"
for n in "${SIZE_LIST[@]}"; do
  name="wf_${n}_s1"
  json="$OUT_DIR/graphs/$name.json"
  dotfile="$OUT_DIR/graphs/$name.dot"
  svg="$OUT_DIR/$name-ours.svg"
  runs="$RUNS"
  if [ "$n" -ge 5000 ]; then runs=3; fi
  echo "== $name: our engine ($runs runs)" >&2
  line="$("$BIN" "$json" "$svg" --runs "$runs")"
  ms="$(sed -n 's/.*layout_svg_ms=\([0-9.]*\).*/\1/p' <<<"$line")"
  layout_ms="$(sed -n 's/.* layout_ms=\([0-9.]*\).*/\1/p' <<<"$line")"
  svg_ms="$(sed -n 's/.* svg_ms=\([0-9.]*\).*/\1/p' <<<"$line")"
  ours="$(python3 "$BENCH_DIR/crossings.py" --json "$svg")"
  dot_json="null"
  dot_s="null"
  dot_note="\"\""
  if [ "$HAVE_DOT" = 1 ]; then
    echo "== $name: dot (timeout ${DOT_TIMEOUT}s)" >&2
    dsvg="$OUT_DIR/$name-dot.svg"
    start=$(date +%s.%N)
    if timeout "$DOT_TIMEOUT" dot -Tsvg "$dotfile" -o "$dsvg" 2>/dev/null; then
      end=$(date +%s.%N)
      dot_s="$(python3 -c "print($end - $start)")"
      dot_json="$(python3 "$BENCH_DIR/crossings.py" --json "$dsvg")"
    else
      dot_note="\"dot > ${DOT_TIMEOUT}s: recorded baseline (dot-baseline.md)\""
    fi
  else
    dot_note="\"dot not installed: recorded baseline (dot-baseline.md)\""
  fi
  echo "{\"n\": $n, \"ours_ms\": $ms, \"layout_ms\": $layout_ms, \"svg_ms\": $svg_ms, \"ours\": $ours, \"dot_s\": $dot_s, \"dot\": $dot_json, \"note\": $dot_note}" >>"$RESULTS"
done

python3 - "$RESULTS" <<'PY'
import json, sys
# dot 2.43 default figures recorded in dot-baseline.md, used when dot is missing or too slow.
RECORDED = {
    50: dict(s=0.01, crossings_layered=3, crossings_geometric=3, node_overlaps=0,
             edge_node_overlaps=0, area=1.39e6, total_edge_length=10.5e3, wh="558 × 2491"),
    200: dict(s=0.04, crossings_layered=20, crossings_geometric=20, node_overlaps=0,
              edge_node_overlaps=0, area=14.7e6, total_edge_length=60.9e3, wh="2521 × 5823"),
    1000: dict(s=0.95, crossings_layered=255, crossings_geometric=286, node_overlaps=0,
               edge_node_overlaps=0, area=81.9e6, total_edge_length=704e3, wh="17539 × 4667"),
    5000: dict(s=80.4, crossings_layered=4071, crossings_geometric=4377, node_overlaps=0,
               edge_node_overlaps=0, area=628e6, total_edge_length=4130e3, wh="47910 × 13100"),
}
rows = [json.loads(l) for l in open(sys.argv[1])]
def fmt(v, unit=""):
    if v is None: return "—"
    if unit == "M": return f"{v/1e6:.1f}"
    if unit == "k": return f"{v/1e3:.0f}"
    if isinstance(v, float): return f"{v:.3g}"
    return str(v)
def ratio(a, b):
    if isinstance(a, str) or isinstance(b, str): return "—"
    if a is None or b in (None, 0): return "—" if b != 0 or a is None else ("=" if a == 0 else "∞")
    return f"{a/b:.2f}×"
cols = [("time s", "s", ""), ("layered X", "crossings_layered", ""),
        ("geometric X", "crossings_geometric", ""), ("node overlaps", "node_overlaps", ""),
        ("edge–node overlaps", "edge_node_overlaps", ""), ("area Mpt²", "area", "M"),
        ("edge length kpt", "total_edge_length", "k"), ("width × height pt", "wh", "")]
head = ("| nodes | layout + SVG ms (ours) | "
        + " | ".join(f"{c} ours / dot (ratio)" for c, _, _ in cols) + " | dot source |")
print(head)
print("|" + "---|" * (len(cols) + 3))
for r in rows:
    n = r["n"]; o = dict(r["ours"]); o["s"] = r["ours_ms"] / 1000
    o["wh"] = f"{o['width']:.0f} × {o['height']:.0f}" if "width" in o else None
    if r["dot"] is not None:
        d = dict(r["dot"]); d["s"] = r["dot_s"]; src = "dot -Tsvg (this run)"
        d["wh"] = f"{d['width']:.0f} × {d['height']:.0f}" if "width" in d else None
    elif n in RECORDED:
        d = RECORDED[n]; src = r["note"].replace("recorded", "recorded") or "recorded"
    else:
        d = {}; src = (r["note"] or "no dot figure") + "; none recorded (dot did not finish in 5 min)"
    cells = []
    for _, key, unit in cols:
        a, b = o.get(key), d.get(key)
        cells.append(f"{fmt(a, unit)} / {fmt(b, unit)} ({ratio(a, b)})")
    split = f"{r['layout_ms']:.1f} + {r['svg_ms']:.1f}"
    print(f"| {n} | {split} | " + " | ".join(cells) + f" | {src} |")
print()
print("time s: layout + SVG writing (median of runs, each phase's median in the first column).")
print("Our node boxes are sized from their text by SVGGraphWriter (at least 120 x 40 pt, START a")
print("36 pt circle); dot's are the generator's fixed 115.2 x 32.4 pt, so area and edge length")
print("ratios include that difference.")
PY
