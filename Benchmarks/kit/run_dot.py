#!/usr/bin/env python3
"""Time Graphviz dot on the generated workflow DAGs and measure its drawings.

For each size: runs `time -v timeout T dot -v -Tjson <extra args>`,
records wall/user time, peak RSS, dot's own per-phase times (rank network
simplex, mincross, position network simplex, routesplines) and its own
crossing count, then measures the JSON layout with crossings.py.

  python3 run_dot.py                                   # sizes 50,200,1000,5000
  python3 run_dot.py --sizes 10000 --timeout 300
  python3 run_dot.py --label nslimit1 --dot-args=-Gnslimit=1

Results: a markdown table on stdout and out/results-<label>.json.
Layouts (large) are written to out/ (git-ignored).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import crossings  # noqa: E402
import gen_dags  # noqa: E402


def parse_time_v(text):
    r = {}
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    if m:
        parts = [float(x) for x in m.group(1).split(":")]
        sec = 0.0
        for p in parts:
            sec = sec * 60 + p
        r["wall_s"] = sec
    m = re.search(r"User time \(seconds\): (\S+)", text)
    if m:
        r["user_s"] = float(m.group(1))
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        r["max_rss_mb"] = round(int(m.group(1)) / 1024, 1)
    m = re.search(r"Exit status: (\d+)", text)
    if m:
        r["exit"] = int(m.group(1))
    return r


def parse_dot_v(text):
    r = {}
    ns = re.findall(r"network simplex: (\d+) nodes (\d+) edges (\d+) iter ([\d.]+) sec", text)
    if ns:
        r["rank_ns_iter"] = int(ns[0][2])
        r["rank_s"] = float(ns[0][3])
    if len(ns) > 1:
        r["position_ns_nodes"] = int(ns[1][0])
        r["position_ns_edges"] = int(ns[1][1])
        r["position_ns_iter"] = int(ns[1][2])
        r["position_s"] = float(ns[1][3])
    m = re.search(r"mincross [^:]*: (\d+) crossings, ([\d.]+) secs", text)
    if m:
        r["dot_crossings"] = int(m.group(1))
        r["mincross_s"] = float(m.group(2))
    m = re.search(r"routesplines: (\d+) edges, (\d+) boxes ([\d.]+) sec", text)
    if m:
        r["splines_s"] = float(m.group(3))
    m = re.search(r"Maxrank = (\d+)", text)
    if m:
        r["ranks"] = int(m.group(1)) + 1
    return r


def last_phase(text):
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("\t")]
    for ln in reversed(lines):
        if ln.startswith(("network simplex", "mincross", "routesplines", "Maxrank")):
            return ln.strip()[:100]
    return lines[-1][:100] if lines else ""


def run(size, seed, args):
    gdir = os.path.join(HERE, "graphs")
    os.makedirs(gdir, exist_ok=True)
    name = "wf_%d_s%d" % (size, seed)
    dot_path = os.path.join(gdir, name + ".dot")
    if not os.path.exists(dot_path):
        g = gen_dags.generate(size, seed)
        gen_dags.write_dot(g, name, dot_path)
    os.makedirs(args.out, exist_ok=True)
    out_json = os.path.join(args.out, "%s-%s.json" % (name, args.label))
    repeat = args.repeat or (5 if size <= 200 else (3 if size <= 1000 else 1))
    runs = []
    info = {}
    for _ in range(repeat):
        cmd = ["time", "-v", "timeout", str(args.timeout), "dot", "-v", "-Tjson"] + \
              args.dot_args + ["-o", out_json, dot_path]
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        t = parse_time_v(p.stderr)
        info = parse_dot_v(p.stderr)
        info.update(t)
        if t.get("exit", p.returncode) != 0:
            info["timed_out"] = t.get("exit") == 124
            info["last_phase"] = last_phase(p.stderr)
            runs.append(info)
            break
        runs.append(info)
    res = dict(runs[-1])
    walls = [r["wall_s"] for r in runs if "wall_s" in r]
    if walls:
        res["wall_s_median"] = statistics.median(walls)
        res["wall_s_all"] = walls
        res["repeats"] = len(walls)
    res.update({"size": size, "seed": seed, "label": args.label, "dot_args": args.dot_args})
    if not res.get("timed_out") and res.get("exit", 0) == 0:
        L = crossings.read_layout(out_json, "json", 6.0, False)
        res["metrics"] = crossings.measure(L)
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="50,200,1000,5000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=0, help="runs per size (default 5/5/3/1 by size)")
    ap.add_argument("--label", default="default")
    ap.add_argument("--dot-args", default="", help="extra dot arguments, space separated")
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    a = ap.parse_args(argv)
    a.dot_args = a.dot_args.split()
    results = []
    print("| size | edges | ranks | wall s (median) | peak RSS MB | rank s | mincross s | position s "
          "(NS iter) | splines s | dot crossings | layered crossings | geometric crossings | "
          "area (Mpt²) | total edge length (kpt) |")
    print("|" + "---|" * 14)
    for size in [int(x) for x in a.sizes.split(",") if x]:
        r = run(size, a.seed, a)
        results.append(r)
        m = r.get("metrics", {})
        if r.get("timed_out") or "metrics" not in r:
            print("| %d | | | >%d (timeout; last: %s) | %s | | | | | | | | | |" % (
                size, a.timeout, r.get("last_phase", ""), r.get("max_rss_mb", "")))
        else:
            print("| %d | %d | %d | %.2f | %.0f | %.2f | %.2f | %.2f (%d) | %.2f | %d | %d | %d | %.1f | %.0f |" % (
                size, m["edges"], m["ranks"], r["wall_s_median"], r["max_rss_mb"], r.get("rank_s", 0),
                r.get("mincross_s", 0), r.get("position_s", 0), r.get("position_ns_iter", 0),
                r.get("splines_s", 0), r.get("dot_crossings", -1), m["crossings_layered"],
                m["crossings_geometric"], m["area"] / 1e6, m["total_edge_length"] / 1e3))
        sys.stdout.flush()
    with open(os.path.join(a.out, "results-%s.json" % a.label), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
