#!/usr/bin/env python3
"""Writes a realistic N-node workflow job snapshot for benchmarks (Python stdlib only).

    python3 Benchmarks/make_large_snapshot.py 1000 bench-out/workflow-job-4711.snapshot.json

The run is AWX-shaped like the bundled example (it reuses examples/make_example.py for every
body): layers of about sqrt(N) nodes, success edges from one or two parents in the previous
layer, a few always edges, failures handled by failure edges, never-run branches, ALL nodes,
and a child job with start and finish times for every node that ran, so the timeline is full.
Deterministic (fixed seed): same N, same bytes.
"""
import hashlib
import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples"))
import make_example as ex  # noqa: E402

WF = 4711
WF_NAME = "Deploy web platform"


def build(n):
    rng = random.Random(4711)
    width = max(1, int(math.sqrt(n) * 0.8))
    layers = []
    ids = iter(range(10_000, 10_000 + n))
    count = 0
    while count < n:
        size = min(width, n - count)
        layers.append([next(ids) for _ in range(size)])
        count += size
    # Templates: a pool of job templates, so names repeat as in real workflows.
    names = ["Provision", "Configure", "Deploy", "Migrate", "Test", "Scan", "Backup", "Notify",
             "Sync", "Verify", "Rotate", "Publish"]
    for t in range(100, 160):
        ex.TEMPLATES[t] = (f"{names[t % len(names)]} {t - 99}", "job", "job_templates")
    ex.TEMPLATES[160] = ("Sync project", "project_update", "projects")
    ex.TEMPLATES[161] = ("Sync inventory", "inventory_update", "inventory_sources")

    nodes = {}
    per_layer = 3600 / (len(layers) + 1)
    job_id = 50_000
    for k, layer in enumerate(layers):
        for nid in layer:
            t = 160 if k == 0 and nid % 2 == 0 else 161 if k == 0 else rng.randrange(100, 160)
            nodes[nid] = dict(id=nid, ident=f"step-{nid}" if rng.random() < 0.7 else
                              f"{rng.getrandbits(32):08x}-1c2d-4e5f-8a9b-{rng.getrandbits(48):012x}",
                              t=t, success=[], failure=[], always=[], parents=[],
                              all=rng.random() < 0.05 and k > 0)
            if k > 0:
                prev = layers[k - 1]
                for p in rng.sample(prev, min(len(prev), 1 + (rng.random() < 0.4))):
                    kind = "always" if rng.random() < 0.06 else "success"
                    nodes[p][kind].append(nid)
                    nodes[nid]["parents"].append(p)
    # Outcomes, layer by layer: roots run; a node runs when a parent took an edge into it.
    for k, layer in enumerate(layers):
        for nid in layer:
            node = nodes[nid]
            took = k == 0 or any(
                (nodes[p].get("status") == "successful" and nid in nodes[p]["success"])
                or (nodes[p].get("status") == "failed" and nid in nodes[p]["failure"])
                or (nodes[p].get("job") and nid in nodes[p]["always"])
                for p in node["parents"])
            if not took:
                node["dnr"] = True
                continue
            starts = [nodes[p]["end_s"] for p in node["parents"] if nodes[p].get("job")]
            start = (max(starts) if starts else 3.0 + rng.random() * 5) + 1 + rng.random() * 3
            end = min(start + 5 + rng.random() * per_layer * 0.8, 3599.0)
            job_id += 1
            node.update(job=job_id, start_s=start, end_s=end,
                        status="failed" if rng.random() < 0.03 else "successful")
            if node["status"] == "failed" and k + 1 < len(layers):
                handler = rng.choice(layers[k + 1])
                if handler not in node["success"] + node["always"]:
                    node["failure"].append(handler)
                    nodes[handler]["parents"].append(nid)
    for node in nodes.values():
        if node.get("job"):
            node["start"] = split(node["start_s"])
            node["end"] = split(node["end_s"])
        node["parents"] = sorted(set(node["parents"]))
    return [nodes[i] for i in sorted(nodes)]


def split(seconds):
    whole = int(seconds)
    return (whole // 60, whole % 60, int((seconds - whole) * 1e6) or 1)


def responses(nodes):
    out = []

    def add(kind, url, obj):
        out.append((kind, url, ex.body(obj)))

    api = ex.API
    end = max(n["end"] for n in nodes if n.get("job"))
    wf = ex.workflow_job(WF, WF_NAME, "successful", (0, 0, 123456), end, "manual",
                         labels=[(11, "production"), (12, "benchmark")])
    add("workflow_job", f"{api}workflow_jobs/{WF}/", wf)
    records = [ex.node_record(n, WF, WF_NAME) for n in nodes]
    size = 200
    pages = [records[i:i + size] for i in range(0, len(records), size)] or [[]]
    for i, chunk in enumerate(pages):
        url = f"{api}workflow_jobs/{WF}/workflow_nodes/?page={i + 1}&page_size={size}"
        nxt = (f"{api}workflow_jobs/{WF}/workflow_nodes/?page={i + 2}&page_size={size}"
               if i + 1 < len(pages) else None)
        prev = f"{api}workflow_jobs/{WF}/workflow_nodes/?page={i}&page_size={size}" if i else None
        add("workflow_nodes", url,
            {"count": len(records), "next": nxt, "previous": prev, "results": chunk})
    ran = [n for n in nodes if n.get("job")]
    for i in range(0, len(ran), size):
        chunk = ran[i:i + size]
        jobs = [ex.unified_job(n, WF, WF_NAME, WF) for n in chunk]
        ids = ",".join(str(n["job"]) for n in chunk)
        add("unified_jobs", f"{api}unified_jobs/?id__in={ids}&page_size={size}",
            ex.page(jobs, None))
    add("labels", f"{api}workflow_jobs/{WF}/labels/?page_size=200", ex.page([], None))
    add("notifications", f"{api}workflow_jobs/{WF}/notifications/?page_size=200",
        ex.page([], None))
    add("activity_stream", f"{api}workflow_jobs/{WF}/activity_stream/?page_size=200",
        ex.page([], None))
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_large_snapshot.py N OUT.json")
    n = int(sys.argv[1])
    resp = []
    for kind, url, text in responses(build(n)):
        raw = text.encode("utf-8")
        resp.append({"kind": kind, "workflow_job": WF, "method": "GET", "url": url, "status": 200,
                     "sha256": hashlib.sha256(raw).hexdigest(), "body": text})
    snap = {"format": "awx-report-snapshot", "format_version": 1, "tool": "awx-report 0.1.0",
            "host": ex.HOST, "api_root": ex.API, "fetched_at": ex.FETCHED_AT,
            "workflow_job": WF, "responses": resp}
    os.makedirs(os.path.dirname(os.path.abspath(sys.argv[2])), exist_ok=True)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(json.dumps(snap, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
