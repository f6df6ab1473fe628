#!/usr/bin/env python3
"""A fake AWX API on loopback for the fetch tests and benchmark (Python 3 standard library only).

It binds 127.0.0.1 on a free port and prints "PORT <n>" on stdout, then serves AWX-shaped JSON
as AWX 24.x writes it (awx/api/serializers.py in the AWX source; docs/snapshot-format.md):
workflow job detail, paginated workflow nodes, unified jobs and workflow approvals filtered by
?id__in=, labels, notifications, activity stream. HTTP/1.1 keep-alive; every response has a
Content-Length. With --tls-cert/--tls-key it serves https.

With --jobs N the server also holds N more workflow jobs (ids from 2000 up) for list and
archive: over four templates, with statuses, launch types, labels, launchers, creation dates
(one every 7 hours from 2024-09-01; job 2001's launcher has a hostile name) and 5 to 25 nodes each drawn from a seeded generator
(--seed), every one fetchable like the top job. GET {root}workflow_jobs/ lists them (without
--jobs: every workflow job) and honours AWX's list filters: status, status__in, or__status,
not__status, workflow_job_template, workflow_job_template__name, created__gte/__lt,
launch_type, launch_type__in, labels__name, name__icontains, id__gt, id__in, order_by (comma
lists, '-' descending, id as the tiebreak) and page/page_size (at most 200). Any other
parameter gives 400, as an unknown field does in AWX. GET /_jobs lists the generated jobs'
list items (never counted), so a test can compute the expected answer itself.

Control endpoints (never counted, no auth): GET /_stats -> {"requests", "connections", "log"},
where log lists {"path", "status", "sha256"} for every API request in order.

Faults are given with --faults as a JSON list of objects, each applied to requests whose full
path (with query) contains "match", at most "count" times (default: always):
  {"kind": "status", "code": 500, "detail": "...", "retry_after": "1"}
  {"kind": "slow", "seconds": 3}
  {"kind": "truncate"}                 Content-Length larger than the body, then close
  {"kind": "badjson"}                  a 200 with invalid (truncated) JSON
  {"kind": "redirect", "location": "http://127.0.0.2:{port}/api/v2/..."}  ({port} expands)
  {"kind": "loop"}                     a list page whose "next" is itself
  {"kind": "foreign_next"}             a list page whose "next" is on another host
  {"kind": "echo_auth"}                a 401 whose detail echoes the Authorization header
  {"kind": "echo_secret"}              a 200 whose body contains the Authorization header
  {"kind": "reset"}                    read the request, then reset the connection (no answer)
A fault with "method": "POST" (or "GET") applies to that method only; "status" and "slow" then
act after the request body has been read, as a server that received it would.

Every request is also listed, as it arrives and before any fault, under "received" in /_stats:
{"method", "path", "content_type", "body"} (the request body as text), so a test can count how
many times a POST reached the server whatever happened next.

POST endpoints, in AWX's shapes (awx/api/views, AWX 24.x):
  {root}workflow_jobs/{id}/cancel/      202 with an empty body when the job can be canceled
                                        (new, pending, waiting, running; a new or pending job is
                                        canceled at once), else 405 {"detail": "Method \"POST\"
                                        not allowed."}
  {root}workflow_jobs/{id}/relaunch/    201 with the new workflow job and a Location header
  {root}workflow_job_templates/39/launch/
                                        201 with {"workflow_job": N, "ignored_fields": {}, ...the
                                        new job...} and a Location header; only extra_vars may be
                                        prompted, so inventory, limit, scm_branch, labels,
                                        skip_tags and job_tags give 400 {"<field>": ["Field is not
                                        configured to prompt on launch."]}; a body that is not a
                                        JSON object gives 400 {"detail": ...}
Jobs created by relaunch and launch can then be read with GET (ids from 9001 up).
Templates 39 "Deploy", 43 "Deploy (broken)" (needs the survey answer "region"; its runs fail at
node 3, which has no failure path), 44 and 45 (both "Twin"); GET workflow_job_templates/,
inventories/ and labels/ filter by ?name=.

Live mode (--live): the top workflow job is launched when the server starts and advances with
wall-clock time, one pass of AWX's workflow manager every --pass-seconds (class Live): nodes are
spawned as AWX's bfs_nodes_to_run allows, jobs go pending -> running -> successful (or failed
for --fail-at indexes) in --run-cycles passes, do_not_run marks appear as mark_dnr_nodes sets
them (no timestamp changes), approvals wait --approve-after passes (0: for ever), nested
workflow nodes launch a nested workflow job that runs the same way, cancel cancels the
children first. Node i's success edge goes to i + --width. A running job's elapsed is live.
Jobs launched or relaunched in live mode run too. Node lists honour the changed-nodes filters
(or__job__status__in, or__job__finished__gte, or__modified__gt[e]), and
workflow_job_nodes/?workflow_job__in= lists the nodes of several workflow jobs.
"""

import argparse
import datetime
import hashlib
import json
import os
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AUTH_DETAIL = ("Authentication credentials were not provided. To establish a login session, "
               "visit /api/login/.")
BAD_BASIC_DETAIL = "Invalid username/password. To establish a login session, visit /api/login/."
WWW_AUTH = "Bearer realm=api authorization_url=/api/o/authorize/"
CREATED = "2024-03-05T20:46:14.078236Z"
CAN_CANCEL = ("new", "pending", "waiting", "running")
PATHS = {"job": "jobs", "project_update": "project_updates", "workflow_job": "workflow_jobs",
         "workflow_approval": "workflow_approvals", "inventory_update": "inventory_updates"}


def iso(epoch):
    """An epoch time as AWX writes it: UTC, 'Z', microseconds only when not zero."""
    import datetime
    t = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)
    text = t.strftime("%Y-%m-%dT%H:%M:%S")
    if t.microsecond:
        text += f".{t.microsecond:06d}"
    return text + "Z"


def parse_time(text):
    import datetime
    t = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=datetime.timezone.utc)
    return t


LIST_RESERVED = {"page", "page_size", "order_by", "format"}


def filter_jobs(items, query):
    """AWX's list filters over list items; (400, detail) for a parameter it would refuse."""
    def one(name):
        return query[name][-1]

    out = list(items)
    for name in query:
        if name in LIST_RESERVED:
            continue
        if name == "status":
            out = [j for j in out if j["status"] == one(name)]
        elif name == "status__in":
            wanted = one(name).split(",")
            out = [j for j in out if j["status"] in wanted]
        elif name == "or__status":
            out = [j for j in out if j["status"] in query[name]]
        elif name == "not__status":
            out = [j for j in out if j["status"] != one(name)]
        elif name == "workflow_job_template":
            out = [j for j in out if str(j["workflow_job_template"]) == one(name)]
        elif name == "workflow_job_template__name":
            out = [j for j in out if j["summary_fields"].get("workflow_job_template", {})
                   .get("name") == one(name)]
        elif name in ("created__gte", "created__lt"):
            try:
                limit = parse_time(one(name))
            except ValueError:
                return 400, f"{name}: invalid date"
            if name == "created__gte":
                out = [j for j in out if parse_time(j["created"]) >= limit]
            else:
                out = [j for j in out if parse_time(j["created"]) < limit]
        elif name == "launch_type":
            out = [j for j in out if j["launch_type"] == one(name)]
        elif name == "launch_type__in":
            out = [j for j in out if j["launch_type"] in one(name).split(",")]
        elif name == "labels__name":
            out = [j for j in out if one(name) in
                   [l["name"] for l in j["summary_fields"].get("labels", {}).get("results", [])]]
        elif name == "name__icontains":
            out = [j for j in out if one(name).lower() in j["name"].lower()]
        elif name == "id__gt":
            out = [j for j in out if j["id"] > int(one(name))]
        elif name == "id__in":
            ids = {int(x) for x in one(name).split(",") if x.strip().isdigit()}
            out = [j for j in out if j["id"] in ids]
        else:
            return 400, f"Cannot filter on {name}"
    order = query.get("order_by", ["id"])[-1].split(",") + ["id"]
    for field in reversed(order):
        key = field.lstrip("-")
        out.sort(key=lambda j: (j.get(key) is None, j.get(key) if j.get(key) is not None else 0),
                 reverse=field.startswith("-"))
    return 200, out


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--prefix", choices=["v2", "controller"], default="v2")
    p.add_argument("--no-api-root", action="store_true", help="/api/ answers 404")
    p.add_argument("--workflow-id", type=int, default=7)
    p.add_argument("--status", default="successful",
                   help="the top workflow job's status (running, pending, failed, ...)")
    p.add_argument("--nodes", type=int, default=6)
    p.add_argument("--approvals", type=int, default=0)
    p.add_argument("--nested", type=int, default=0, help="nested workflow nodes in the top one")
    p.add_argument("--nested-nodes", type=int, default=3)
    p.add_argument("--nested-levels", type=int, default=1,
                   help="each nested workflow holds one more nested workflow, this many levels")
    p.add_argument("--cycle", action="store_true",
                   help="the deepest nested workflow has a node pointing back at the top one")
    p.add_argument("--no-notifications", action="store_true",
                   help="the template was deleted: no related.notifications")
    p.add_argument("--labels", type=int, default=2)
    p.add_argument("--activity", type=int, default=3)
    p.add_argument("--token")
    p.add_argument("--username")
    p.add_argument("--password")
    p.add_argument("--latency-ms", type=float, default=0)
    p.add_argument("--jobs", type=int, default=0, help="generated workflow jobs for list/archive")
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--jobs-finished", action="store_true",
                   help="every generated job has finished (no running or pending ones)")
    p.add_argument("--faults", default="[]")
    p.add_argument("--tls-cert", help="serve https with this PEM certificate (needs --tls-key)")
    p.add_argument("--tls-key")
    p.add_argument("--live", action="store_true",
                   help="the top workflow job runs: it advances with wall-clock time")
    p.add_argument("--pass-seconds", type=float, default=0.2,
                   help="live: seconds between two passes of the workflow manager")
    p.add_argument("--run-cycles", type=int, default=2, help="live: passes a job runs")
    p.add_argument("--width", type=int, default=1,
                   help="live: parallel branches (node i's success edge goes to i + width)")
    p.add_argument("--fail-at", default="", help="live: node indexes whose job fails (1,5)")
    p.add_argument("--approve-after", type=int, default=3,
                   help="live: passes an approval waits before it is approved (0: for ever)")
    p.add_argument("--start-after", type=int, default=1,
                   help="live: passes before a pending workflow job starts running")
    p.add_argument("--failed-update", action="store_true",
                   help="node 9 of the top workflow (a project update) failed, with no events")
    p.add_argument("--hostile-events", action="store_true",
                   help="failed jobs' events carry hostile host and task names")
    p.add_argument("--oversized-stdout", action="store_true",
                   help="a failed update's stdout is over AWX's display limit")
    p.add_argument("--events-unfinished", action="store_true",
                   help="failed jobs' events are still being processed: no playbook_on_stats "
                        "event and no host summaries yet")
    p.add_argument("--event-padding", type=int, default=0,
                   help="ok events before the failures in each failed job (more than a page "
                        "makes the client ask for the failed events separately)")
    return p.parse_args()


ANSI_RED = "\x1b[0;31m"
ANSI_OFF = "\x1b[0m"
CENSORED = ("the output has been hidden due to the fact that 'no_log: true' was specified "
            "for this result")
EVENT_SECRET = "S3cr3t-From-Event-Res"
TOO_LARGE = ("Standard Output too large to display (5242880 bytes), only download supported "
             "for sizes over 1048576 bytes.")
FAILED_EVENTS = ("runner_on_failed", "runner_on_unreachable", "runner_item_on_failed",
                 "runner_on_async_failed", "runner_on_error")


def job_events(job, hostile=False, padding=0):
    """A failed playbook job's events, in AWX's shapes (JobEventSerializer): an ignored
    failure (failed false), an unreachable host, a loop item failure and its task failure,
    a no_log failure, a command failure whose result holds a secret, the stats."""
    web1 = '<img src=x onerror="alert(1)">web1' if hostile else "web1"
    web2 = "web2 ]]></failure><script>alert(2)</script>" if hostile else "web2"
    migrate = ("Run migrations {{ lookup('pipe','id') }} <b>$(reboot)</b>" if hostile
               else "Run migrations")
    play = "Deploy <svg onload=alert(3)>" if hostile else "Deploy web"
    events = []

    def add(event, host=None, task="", res=None, failed=False, ignore=False, stdout="",
            action="", path=""):
        counter = len(events) + 1
        data = {"play": play, "play_uuid": "p-1", "playbook": "site.yml", "task": task,
                "task_uuid": f"t-{counter}", "task_action": action, "resolved_action": action and
                f"ansible.builtin.{action}", "task_args": "", "task_path": path}
        if host is not None:
            data.update({"host": host, "remote_addr": host, "res": res or {},
                         "ignore_errors": ignore, "start": CREATED, "end": CREATED,
                         "duration": 0.5})
        events.append({
            "id": job * 1000 + counter, "type": "job_event",
            "url": f"/api/v2/job_events/{job * 1000 + counter}/",
            "related": {"job": f"/api/v2/jobs/{job}/", "children": ""},
            "summary_fields": {"job": {"id": job, "name": f"Job {job}", "status": "failed",
                                       "failed": True, "job_template_id": 300,
                                       "job_template_name": "Template 300"}},
            "created": CREATED, "modified": CREATED, "job": job, "event": event,
            "counter": counter, "event_display": event, "event_data": data,
            "event_level": 3 if host is not None else 1, "failed": failed, "changed": False,
            "uuid": f"u-{job}-{counter}", "parent_uuid": "", "host": None,
            "host_name": host or "", "playbook": "site.yml", "play": play, "task": task,
            "role": "", "stdout": stdout, "start_line": counter, "end_line": counter + 1,
            "verbosity": 0})

    add("playbook_on_start")
    add("playbook_on_play_start", stdout=f"\r\nPLAY [{play}] ****\r\n")
    for k in range(padding):
        add("runner_on_ok", host="web4", task=f"Step {k}", action="ping",
            stdout=f"ok: [web4] step {k}")
    add("playbook_on_task_start", task="Check disk", stdout="\r\nTASK [Check disk] ****")
    add("runner_on_failed", host=web1, task="Check disk", action="command",
        path="/runner/project/site.yml:12", ignore=True, failed=False,
        res={"msg": "non-zero return code", "rc": 1, "changed": True},
        stdout=f"{ANSI_RED}fatal: [{web1}]: FAILED! => {{\"rc\": 1}}{ANSI_OFF}\r\n...ignoring")
    add("playbook_on_task_start", task="Gather facts", stdout="\r\nTASK [Gather facts] ****")
    add("runner_on_unreachable", host="db1", task="Gather facts", action="gather_facts",
        path="/runner/project/site.yml:3", failed=True,
        res={"msg": "Failed to connect to the host via ssh: ssh: connect to host db1 port 22: "
                    "Connection refused", "unreachable": True, "changed": False},
        stdout=f"{ANSI_RED}fatal: [db1]: UNREACHABLE! => {{\"changed\": false}}{ANSI_OFF}")
    add("playbook_on_task_start", task="Install packages", stdout="\r\nTASK [Install packages]")
    item_res = {"msg": "No package matching 'nginx-extra' found available", "rc": 126,
                "item": "nginx-extra", "failed": True, "changed": False,
                "_ansible_item_label": "nginx-extra"}
    add("runner_item_on_failed", host=web2, task="Install packages", action="dnf",
        path="/runner/project/roles/web/tasks/main.yml:8", failed=True, res=item_res,
        stdout=f"{ANSI_RED}failed: [{web2}] (item=nginx-extra){ANSI_OFF}")
    add("runner_on_failed", host=web2, task="Install packages", action="dnf",
        path="/runner/project/roles/web/tasks/main.yml:8", failed=True,
        res={"msg": "One or more items failed", "results": [item_res], "changed": False},
        stdout=f"{ANSI_RED}fatal: [{web2}]: FAILED! => One or more items failed{ANSI_OFF}")
    add("playbook_on_task_start", task="Set admin password", stdout="\r\nTASK [Set admin...]")
    add("runner_on_failed", host=web1, task="Set admin password", action="user",
        path="/runner/project/site.yml:30", failed=True, res={"censored": CENSORED},
        stdout=f"{ANSI_RED}fatal: [{web1}]: FAILED! => {{\"censored\": \"{CENSORED}\"}}{ANSI_OFF}")
    add("playbook_on_task_start", task=migrate, stdout=f"\r\nTASK [{migrate}]")
    add("runner_on_failed", host="web3", task=migrate, action="command",
        path="/runner/project/site.yml:41", failed=True,
        res={"msg": "non-zero return code", "rc": 2,
             "cmd": f"manage.py migrate --db-password={EVENT_SECRET}",
             "stderr": f"\x1b[1;31mERROR\x1b[0m: could not connect\r\nDB_PASSWORD={EVENT_SECRET}",
             "stdout": "Applying migrations…", "api_token": EVENT_SECRET, "changed": True},
        stdout=f"{ANSI_RED}fatal: [web3]: FAILED! => {{\"rc\": 2, "
               f"\"stderr\": \"password={EVENT_SECRET}\"}}{ANSI_OFF}")
    add("playbook_on_stats", stdout=(
        f"\r\nPLAY RECAP ****\r\n{web1} : ok=3 changed=1 failed=1 ignored=1\r\n"
        f"db1 : ok=0 unreachable=1\r\n{web2} : ok=2 failed=1\r\nweb3 : ok=2 failed=1\r\n"
        "web4 : ok=4"))
    # AWX propagates failed to the task-start and play-start parents at the stats event.
    for e in events:
        if e["event"] in ("playbook_on_task_start", "playbook_on_play_start") and \
                e["task"] != "Check disk":
            e["failed"] = True
    return events


def host_summaries(job, hostile=False):
    web1 = '<img src=x onerror="alert(1)">web1' if hostile else "web1"
    web2 = "web2 ]]></failure><script>alert(2)</script>" if hostile else "web2"
    rows = [(web1, 3, 1, 0, 1, 0, 0, 1), ("db1", 0, 0, 1, 0, 0, 0, 0), (web2, 2, 0, 0, 1, 1, 0, 0),
            ("web3", 2, 1, 0, 1, 0, 0, 0), ("web4", 4, 0, 0, 0, 0, 0, 0)]
    out = []
    for k, (host, ok, changed, dark, failures, skipped, rescued, ignored) in enumerate(rows):
        out.append({
            "id": job * 10 + k, "type": "job_host_summary",
            "url": f"/api/v2/job_host_summaries/{job * 10 + k}/",
            "related": {"job": f"/api/v2/jobs/{job}/", "host": f"/api/v2/hosts/{k + 1}/"},
            "summary_fields": {"host": {"id": k + 1, "name": host},
                               "job": {"id": job, "name": f"Job {job}", "status": "failed",
                                       "failed": True, "job_template_id": 300,
                                       "job_template_name": "Template 300"}},
            "created": CREATED, "modified": CREATED, "job": job, "host": k + 1,
            "constructed_host": None, "host_name": host, "changed": changed, "dark": dark,
            "failures": failures, "ok": ok, "processed": 1, "skipped": skipped,
            "failed": bool(dark or failures), "ignored": ignored, "rescued": rescued})
    return out


def filter_events(events, query):
    out = events
    if query.get("failed", [""])[0] == "true":
        out = [e for e in out if e["failed"]]
    kinds = query.get("event__in", [""])[0]
    if kinds:
        wanted = set(kinds.split(","))
        out = [e for e in out if e["event"] in wanted]
    order = query.get("order_by", ["start_line"])[0]
    key = order.lstrip("-")
    if key in ("counter", "start_line"):
        out = sorted(out, key=lambda e: e[key], reverse=order.startswith("-"))
    return out


class World:
    """The deterministic data: workflow jobs, their nodes, and every child job."""

    def __init__(self, args):
        self.root = "/api/v2/" if args.prefix == "v2" else "/api/controller/v2/"
        self.workflows = {}  # id -> {"detail": dict, "nodes": [dict], "labels", ...}
        self.jobs = {}  # id -> unified job list item (approvals included)
        self.next_node = 100000
        self.next_job = 10000
        self.args = args
        self.live = None
        self.listed = None
        self.job_labels = {}
        top = args.workflow_id
        if args.live:
            self.next_new_job = 9001
            self.live = Live(self, args)
            self.live.launch(top, 39, time.time(), "manual")
            return
        nested_ids = []
        child_id = 500
        for k in range(args.nested):
            chain = []
            for level in range(args.nested_levels):
                chain.append(child_id)
                child_id += 1
            nested_ids.append(chain)
        # Deepest first so each parent can point at its child.
        for chain in nested_ids:
            for level in reversed(range(len(chain))):
                inner = [chain[level + 1]] if level + 1 < len(chain) else []
                if args.cycle and level + 1 == len(chain):
                    inner = [top]
                self.add_workflow(chain[level], args.nested_nodes, 0, inner,
                                  parent=chain[level - 1] if level else top)
        self.add_workflow(top, args.nodes, args.approvals, [c[0] for c in nested_ids], None)
        detail = self.workflows[top]["detail"]
        detail["status"] = args.status
        detail["failed"] = args.status in ("failed", "error", "canceled")
        if args.status in CAN_CANCEL:
            detail["finished"] = None
        self.next_new_job = 9001
        self.listed = None
        self.job_labels = {}
        if args.jobs:
            self.generate_jobs(args.jobs, args.seed)

    TEMPLATES = [(39, "Deploy"), (40, "Backup"), (41, "Patch Linux"), (42, "Rotate certs")]

    def generate_jobs(self, count, seed):
        """count workflow jobs from id 2000, varied but the same for the same seed."""
        import random
        rng = random.Random(seed)
        base = 1725148800  # 2024-09-01T00:00:00Z
        self.listed = []
        for k in range(count):
            wf = 2000 + k
            nodes = rng.randint(5, 25)
            self.add_workflow(wf, nodes, 0, [], None)
            tid, tname = self.TEMPLATES[rng.randrange(4)]
            status = rng.choices(["successful", "failed", "error", "canceled", "running",
                                  "pending"], [70, 14, 4, 6, 3, 3])[0]
            if self.args.jobs_finished and status in CAN_CANCEL:
                status = "successful"
            launch = rng.choices(["manual", "scheduled", "relaunch", "webhook", "workflow"],
                                 [40, 35, 10, 10, 5])[0]
            labels = [l for l in ("prod", "staging", "nightly") if rng.random() < 0.35]
            created = base + k * 7 * 3600 + rng.randrange(3600)
            elapsed = round(rng.uniform(30, 900) * (2 if tid == 40 else 1), 3)
            started = created + 5
            d = self.workflows[wf]["detail"]
            r = self.root
            if launch in ("manual", "relaunch"):
                user = rng.choice(["alice", "bob", "carol"])
                by = {"id": 1, "name": user, "type": "user", "url": f"{r}users/1/"}
            elif launch == "scheduled":
                by = {"id": 7, "name": f"Nightly {tname}", "type": "schedule",
                      "url": f"{r}schedules/7/"}
            else:
                by = {}
            if k == 1:
                # Text a listing must escape: CSV formula and quoting, tab, terminal escapes
                # (OSC title, colour), BEL, a line break, a bidi override.
                by = {"id": 2, "name": "=HYPERLINK(\"x\"),\tme\x1b]0;pwn\x07\x1b[31m red\nline2\u202e",
                      "type": "user", "url": f"{r}users/2/"}
            finished = None if status in CAN_CANCEL else iso(started + elapsed)
            d.update({
                "name": tname if k % 9 else f"{tname} (hotfix {k})",
                "status": status, "failed": status in ("failed", "error", "canceled"),
                "launch_type": launch, "launched_by": by,
                "created": iso(created), "modified": iso(created), "started": iso(started),
                "finished": finished, "elapsed": elapsed if finished else 0.0,
                "workflow_job_template": tid, "unified_job_template": tid,
            })
            d["related"]["unified_job_template"] = f"{r}workflow_job_templates/{tid}/"
            d["related"]["workflow_job_template"] = f"{r}workflow_job_templates/{tid}/"
            sf = d["summary_fields"]
            sf["workflow_job_template"] = {"id": tid, "name": tname, "description": ""}
            sf["unified_job_template"] = {"id": tid, "name": tname, "description": "",
                                          "unified_job_type": "workflow_job"}
            sf["labels"] = {"count": len(labels), "results": [
                {"id": 60 + i, "name": l} for i, l in enumerate(labels)]}
            self.job_labels[wf] = labels
            self.listed.append(wf)

    def list_item(self, wf):
        d = dict(self.workflows[wf]["detail"])
        for key in ("job_args", "job_cwd", "job_env", "result_traceback"):
            d.pop(key, None)
        return d

    def new_workflow_job(self, launch_type, extra_vars="{}"):
        """A job made by relaunch or launch: pending, no nodes yet; readable with GET."""
        wf = self.next_new_job
        self.next_new_job += 1
        detail = self.workflow_detail(wf, None)
        detail.update({"launch_type": launch_type, "status": "pending", "started": None,
                       "finished": None, "elapsed": 0.0, "extra_vars": extra_vars})
        self.workflows[wf] = {"detail": detail, "nodes": []}
        return detail

    def path(self, kind, ident):
        return f"{self.root}{kind}/{ident}/"

    def add_workflow(self, wf, n, approvals, nested, parent):
        r = self.root
        nodes = []
        ids = [self.next_node + i for i in range(n)]
        self.next_node += n
        nested_at = {1 + 3 * j: child for j, child in enumerate(nested) if 1 + 3 * j < n}
        approval_at = {n - 1 - 2 * j for j in range(approvals) if n - 1 - 2 * j >= 0}
        approval_at -= set(nested_at)
        for i, nid in enumerate(ids):
            if i in nested_at:
                jtype, job = "workflow_job", nested_at[i]
            elif i in approval_at:
                jtype, job = "workflow_approval", self.new_job()
            elif i % 17 == 16:
                jtype, job = "job", None  # never run
            else:
                jtype, job = ("project_update" if i % 10 == 9 else "job"), self.new_job()
            status = "failed" if i % 13 == 12 else "successful"
            if self.args.failed_update and parent is None and i == 9:
                status = "failed"
            succ = [ids[i + 1]] if i + 1 < n else []
            fail = [ids[i + 2]] if i % 5 == 0 and i + 2 < n else []
            alw = [ids[i + 3]] if i % 7 == 0 and i + 3 < n else []
            ujt = 300 + (i % 4)
            related = {
                "labels": f"{r}workflow_job_nodes/{nid}/labels/",
                "credentials": f"{r}workflow_job_nodes/{nid}/credentials/",
                "instance_groups": f"{r}workflow_job_nodes/{nid}/instance_groups/",
                "success_nodes": f"{r}workflow_job_nodes/{nid}/success_nodes/",
                "failure_nodes": f"{r}workflow_job_nodes/{nid}/failure_nodes/",
                "always_nodes": f"{r}workflow_job_nodes/{nid}/always_nodes/",
                "unified_job_template": f"{r}job_templates/{ujt}/",
            }
            summary = {}
            if job is not None:
                related["job"] = self.path(PATHS[jtype], job)
                summary["job"] = {"id": job, "name": f"Step {i}", "description": "",
                                  "status": status, "failed": status == "failed",
                                  "elapsed": 1.5 + i, "type": jtype}
                if jtype == "workflow_approval":
                    summary["job"]["timed_out"] = False
                if jtype != "workflow_job":
                    self.jobs[job] = self.job_item(job, jtype, f"Step {i}", status, wf)
            related["workflow_job"] = self.path("workflow_jobs", wf)
            summary["workflow_job"] = {"id": wf, "name": f"Workflow {wf}", "description": ""}
            summary["unified_job_template"] = {"id": ujt, "name": f"Template {ujt}",
                                               "description": "", "unified_job_type": jtype}
            nodes.append({
                "id": nid, "type": "workflow_job_node",
                "url": f"{r}workflow_job_nodes/{nid}/", "related": related,
                "summary_fields": summary, "created": CREATED, "modified": CREATED,
                "extra_data": {}, "inventory": None, "scm_branch": None, "job_type": None,
                "job_tags": None, "skip_tags": None, "limit": None, "diff_mode": None,
                "verbosity": None, "execution_environment": None, "forks": None,
                "job_slice_count": None, "timeout": None, "job": job, "workflow_job": wf,
                "unified_job_template": ujt, "success_nodes": succ, "failure_nodes": fail,
                "always_nodes": alw, "all_parents_must_converge": i % 11 == 10,
                "do_not_run": job is None, "identifier": f"node-{i}",
            })
        self.workflows[wf] = {"detail": self.workflow_detail(wf, parent), "nodes": nodes}
        # A nested workflow job is itself a unified job of the parent.
        self.jobs[wf] = self.job_item(wf, "workflow_job", f"Workflow {wf}", "successful", parent)

    def new_job(self):
        self.next_job += 1
        return self.next_job

    def job_item(self, job, jtype, name, status, wf):
        return {
            "id": job, "type": jtype, "url": self.path(PATHS[jtype], job),
            "related": {"unified_job_template": f"{self.root}job_templates/300/"},
            "summary_fields": {"source_workflow_job": {"id": wf, "name": f"Workflow {wf}"}}
            if wf else {},
            "created": CREATED, "modified": CREATED, "name": name, "description": "",
            "unified_job_template": 300, "launch_type": "workflow", "status": status,
            "failed": status == "failed", "started": CREATED, "finished": CREATED,
            "canceled_on": None, "elapsed": 2.5, "job_explanation": "",
            "launched_by": {}, "work_unit_id": None,
        }

    def workflow_detail(self, wf, parent):
        r = self.root
        related = {
            "created_by": f"{r}users/1/",
            "unified_job_template": f"{r}workflow_job_templates/39/",
        }
        if parent is not None:
            related["source_workflow_job"] = self.path("workflow_jobs", parent)
        if not self.args.no_notifications:
            related["workflow_job_template"] = f"{r}workflow_job_templates/39/"
            related["notifications"] = f"{r}workflow_jobs/{wf}/notifications/"
        for key in ("workflow_nodes", "labels", "activity_stream", "relaunch", "cancel"):
            related[key] = f"{r}workflow_jobs/{wf}/{key}/"
        return {
            "id": wf, "type": "workflow_job", "url": self.path("workflow_jobs", wf),
            "related": related,
            "summary_fields": {
                "workflow_job_template": {"id": 39, "name": "Deploy", "description": ""},
                "unified_job_template": {"id": 39, "name": "Deploy", "description": "",
                                         "unified_job_type": "workflow_job"},
                "user_capabilities": {"delete": True, "start": True},
                "labels": {"count": 0, "results": []},
            },
            "created": CREATED, "modified": CREATED, "name": f"Workflow {wf}",
            "description": "", "unified_job_template": 39,
            "launch_type": "manual" if parent is None else "workflow", "status": "successful",
            "failed": False, "started": CREATED, "finished": "2024-03-05T20:50:14Z",
            "canceled_on": None, "elapsed": 240.0, "job_args": "", "job_cwd": "", "job_env": {},
            "job_explanation": "", "result_traceback": "",
            "launched_by": {"id": 1, "name": "admin", "type": "user", "url": f"{r}users/1/"},
            "work_unit_id": None, "workflow_job_template": 39, "extra_vars": "{}",
            "allow_simultaneous": False, "job_template": None, "is_sliced_job": False,
            "inventory": None, "limit": None, "scm_branch": None, "webhook_service": "",
            "webhook_credential": None, "webhook_guid": "", "skip_tags": "", "job_tags": "",
        }

    def labels(self, wf):
        r = self.root
        names = self.job_labels.get(wf, [f"label-{i}" for i in range(self.args.labels)])
        return [{"id": 60 + i, "type": "label", "url": f"{r}labels/{60 + i}/",
                 "related": {"organization": f"{r}organizations/1/"},
                 "summary_fields": {"organization": {"id": 1, "name": "Default"}},
                 "created": CREATED, "modified": CREATED, "name": name,
                 "organization": 1} for i, name in enumerate(names)]

    def notifications(self, wf):
        r = self.root
        return [{"id": 80, "type": "notification", "url": f"{r}notifications/80/",
                 "related": {"notification_template": f"{r}notification_templates/5/"},
                 "summary_fields": {"notification_template": {"id": 5, "name": "Mail",
                                                              "description": ""}},
                 "created": CREATED, "modified": CREATED, "notification_template": 5,
                 "error": "", "status": "successful", "notifications_sent": 1,
                 "notification_type": "email", "recipients": "ops@example.com",
                 "subject": "Workflow done", "body": "Unicode ✓ ünïcödé"}]

    def activity(self, wf):
        r = self.root
        return [{"id": 900 + i, "type": "activity_stream", "url": f"{r}activity_stream/{900 + i}/",
                 "related": {"actor": f"{r}users/1/"},
                 "summary_fields": {"actor": {"id": 1, "username": "admin", "first_name": "",
                                              "last_name": ""}},
                 "timestamp": CREATED, "operation": "create", "changes": {"id": wf},
                 "object1": "workflow_job", "object2": "", "object_association": "",
                 "action_node": "awx-1", "object_type": ""} for i in range(self.args.activity)]


class State:
    def __init__(self, faults):
        self.lock = threading.Lock()
        self.requests = 0
        self.connections = 0
        self.log = []
        self.received = []
        self.faults = faults

    def take_fault(self, full_path, method="GET"):
        with self.lock:
            for f in self.faults:
                if f.get("method", method) != method:
                    continue
                if f.get("match", "") in full_path and f.get("count", -1) != 0:
                    if f.get("count", -1) > 0:
                        f["count"] -= 1
                    return f
        return None


# ---------------------------------------------------------------------------------------------
# Live mode: a run that advances with wall-clock time, as AWX's workflow manager would move it.

TEMPLATES = {39: "Deploy", 43: "Deploy (broken)", 44: "Twin", 45: "Twin", 50: "Nested"}
INVENTORIES = {1: "Demo Inventory", 2: "Staging"}
FAILURE = ("failed", "error", "canceled")
TERMINAL = ("successful", "failed", "error", "canceled")


def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(text):
    if not text:
        return None
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


class LiveRun:
    def __init__(self, wf, spec, t0, parent_node=None):
        self.wf = wf
        self.spec = spec
        self.t0 = t0
        self.cycles = 0
        self.cancel_flag = False
        self.parent_node = parent_node


class Live:
    """AWX's workflow manager, one pass per --cycle seconds for every running workflow job
    (awx/main/scheduler/task_manager.py, dag_workflow.py; awx-api.md section 3):
    cancel, mark_dnr_nodes, is_workflow_done / has_workflow_failed, bfs_nodes_to_run. A spawned
    job is pending, then running one cycle later, then final after --run-cycles more; an approval
    waits --approve-after cycles, then is approved (0: it waits for ever). Job `modified` is never
    bumped on status changes (as in AWX); a node's `modified` is bumped when its job is spawned;
    do_not_run marks change no timestamp."""

    def __init__(self, world, args):
        self.world = world
        self.args = args
        self.runs = []
        self.meta = {}  # node id -> {"index", "kind", "planned"}
        self.spawn_cycle = {}  # job id -> cycle of its run when spawned
        self.node_of_job = {}  # job id -> node dict

    def spec(self, template):
        a = self.args
        fail_at = {int(x) for x in a.fail_at.split(",") if x.strip().isdigit()}
        if template == 43:
            fail_at = {3}
        if template == 50:
            return {"template": 50, "nodes": a.nested_nodes, "width": 1, "approvals": 0,
                    "nested": 0, "fail_at": set()}
        return {"template": template, "nodes": a.nodes, "width": max(1, a.width),
                "approvals": a.approvals, "nested": a.nested, "fail_at": fail_at}

    def launch(self, wf, template, t, launch_type, parent=None, parent_node=None,
               extra_vars="{}"):
        """Creates workflow job `wf` from `template` at time t: pending, every node unspawned."""
        w = self.world
        spec = self.spec(template)
        detail = w.workflow_detail(wf, parent)
        detail.update({"status": "pending", "failed": False, "started": None, "finished": None,
                       "elapsed": 0.0, "created": iso(t), "modified": iso(t),
                       "launch_type": launch_type, "extra_vars": extra_vars,
                       "name": TEMPLATES.get(template, f"Workflow {wf}"),
                       "unified_job_template": template, "workflow_job_template": template})
        detail["summary_fields"]["workflow_job_template"]["id"] = template
        detail["summary_fields"]["workflow_job_template"]["name"] = detail["name"]
        detail["related"]["unified_job_template"] = f"{w.root}workflow_job_templates/{template}/"
        w.workflows[wf] = {"detail": detail, "nodes": self.nodes(wf, spec, t)}
        run = LiveRun(wf, spec, t, parent_node)
        self.runs.append(run)
        return run

    def nodes(self, wf, spec, t):
        w = self.world
        r = w.root
        n, width = spec["nodes"], spec["width"]
        ids = [w.next_node + i for i in range(n)]
        w.next_node += n
        nested_at = {1 + 3 * j for j in range(spec["nested"]) if 1 + 3 * j < n}
        approval_at = {n - 1 - 2 * j for j in range(spec["approvals"]) if n - 1 - 2 * j >= 0}
        approval_at -= nested_at
        out = []
        for i, nid in enumerate(ids):
            if i in nested_at:
                kind, ujt, tpath = "workflow_job", 50, "workflow_job_templates"
            elif i in approval_at:
                kind, ujt, tpath = "workflow_approval", 700 + i, "workflow_approval_templates"
            else:
                kind = "project_update" if i % 10 == 9 else "job"
                ujt = 300 + (i % 4)
                tpath = "projects" if kind == "project_update" else "job_templates"
            succ = [ids[i + width]] if i + width < n else []
            fail = [ids[i + width + 1]] if i % 5 == 0 and i + width + 1 < n else []
            alw = [ids[i + 2 * width + 1]] if i % 7 == 0 and i + 2 * width + 1 < n else []
            related = {
                "labels": f"{r}workflow_job_nodes/{nid}/labels/",
                "credentials": f"{r}workflow_job_nodes/{nid}/credentials/",
                "instance_groups": f"{r}workflow_job_nodes/{nid}/instance_groups/",
                "success_nodes": f"{r}workflow_job_nodes/{nid}/success_nodes/",
                "failure_nodes": f"{r}workflow_job_nodes/{nid}/failure_nodes/",
                "always_nodes": f"{r}workflow_job_nodes/{nid}/always_nodes/",
                "unified_job_template": f"{r}{tpath}/{ujt}/",
                "workflow_job": w.path("workflow_jobs", wf),
            }
            tname = TEMPLATES[50] if kind == "workflow_job" else f"Template {ujt}"
            summary = {
                "workflow_job": {"id": wf, "name": f"Workflow {wf}", "description": ""},
                "unified_job_template": {"id": ujt, "name": tname, "description": "",
                                         "unified_job_type": kind},
            }
            node = {
                "id": nid, "type": "workflow_job_node",
                "url": f"{r}workflow_job_nodes/{nid}/", "related": related,
                "summary_fields": summary, "created": iso(t), "modified": iso(t),
                "extra_data": {}, "inventory": None, "scm_branch": None, "job_type": None,
                "job_tags": None, "skip_tags": None, "limit": None, "diff_mode": None,
                "verbosity": None, "execution_environment": None, "forks": None,
                "job_slice_count": None, "timeout": None, "job": None, "workflow_job": wf,
                "unified_job_template": ujt, "success_nodes": succ, "failure_nodes": fail,
                "always_nodes": alw, "all_parents_must_converge": i % 11 == 10,
                "do_not_run": False, "identifier": f"node-{i}",
            }
            self.meta[nid] = {"index": i, "kind": kind,
                              "planned": "failed" if i in spec["fail_at"] else "successful"}
            out.append(node)
        return out

    # -- the clock ---------------------------------------------------------------------------

    def advance(self, now):
        """Runs every scheduler pass due by `now`, oldest first, across all workflow jobs."""
        cycle = self.args.pass_seconds
        while True:
            due = None
            for run in self.runs:
                t = run.t0 + (run.cycles + 1) * cycle
                if t <= now and self.active(run) and (due is None or t < due[0]):
                    due = (t, run)
            if due is None:
                return
            t, run = due
            run.cycles += 1
            self.cycle(run, t)

    def active(self, run):
        return self.world.workflows[run.wf]["detail"]["status"] not in TERMINAL

    # -- job state ---------------------------------------------------------------------------

    def job(self, job_id):
        """The mutable record of a child job: the unified job item, or a nested workflow's."""
        return self.world.jobs.get(job_id)

    def status(self, node):
        if node["job"] is None:
            return None
        if node["job"] in self.world.workflows:
            return self.world.workflows[node["job"]]["detail"]["status"]
        return self.job(node["job"])["status"]

    def set_status(self, job_id, status, t):
        """Moves a child job (or a workflow job) to `status` at time t; never touches
        `modified` (AWX's update_model / update_fields saves do not refresh it)."""
        records = [self.world.jobs.get(job_id)]
        if job_id in self.world.workflows:
            records.append(self.world.workflows[job_id]["detail"])
        for rec in records:
            if rec is None:
                continue
            rec["status"] = status
            rec["failed"] = status in FAILURE
            if status == "running" and not rec.get("started"):
                rec["started"] = iso(t)
            if status in TERMINAL:
                rec["finished"] = iso(t)
                started = parse_iso(rec.get("started")) or t
                rec["elapsed"] = round(t - started, 3)
        node = self.node_of_job.get(job_id)
        if node is not None:
            s = node["summary_fields"]["job"]
            s["status"] = status
            s["failed"] = status in FAILURE
            if status in TERMINAL:
                rec = self.world.jobs.get(job_id) or {}
                s["elapsed"] = rec.get("elapsed", 0.0)

    def spawn(self, run, node, t):
        w = self.world
        meta = self.meta[node["id"]]
        kind = meta["kind"]
        name = f"Step {meta['index']}"
        if kind == "workflow_job":
            job_id = w.next_new_job
            w.next_new_job += 1
            child = self.launch(job_id, 50, t, "workflow", parent=run.wf, parent_node=node["id"])
            name = TEMPLATES[50]
            item = w.job_item(job_id, "workflow_job", name, "pending", run.wf)
        else:
            job_id = w.new_job()
            item = w.job_item(job_id, kind, name, "pending", run.wf)
        item.update({"created": iso(t), "modified": iso(t), "started": None, "finished": None,
                     "elapsed": 0.0, "status": "pending", "failed": False})
        if kind == "workflow_approval":
            item["started"] = iso(t)  # signal_start sets started = created
        w.jobs[job_id] = item
        node["job"] = job_id
        node["modified"] = iso(t)  # spawn_node.save() is a full save
        node["related"]["job"] = w.path(PATHS[kind], job_id)
        node["summary_fields"]["job"] = {"id": job_id, "name": name, "description": "",
                                         "status": "pending", "failed": False, "elapsed": 0.0,
                                         "type": kind}
        if kind == "workflow_approval":
            node["summary_fields"]["job"]["timed_out"] = False
        self.node_of_job[job_id] = node
        self.spawn_cycle[job_id] = (run, run.cycles)

    # -- one pass ----------------------------------------------------------------------------

    def cycle(self, run, t):
        detail = self.world.workflows[run.wf]["detail"]
        nodes = self.world.workflows[run.wf]["nodes"]
        if detail["status"] in ("new", "pending", "waiting"):
            if run.cycles >= self.args.start_after:
                detail["status"] = "running"
                detail["started"] = iso(t)
                detail["modified"] = iso(t)  # the task manager's start path is a full save
                self.set_status(run.wf, "running", t)
            return
        for node in nodes:
            self.step_child(run, node, t)
        if run.cancel_flag:
            # tm.py:183-192: never-started nodes become do_not_run, children are canceled.
            busy = False
            for node in nodes:
                if node["job"] is None and not node["do_not_run"]:
                    node["do_not_run"] = True
                st = self.status(node)
                if st is not None and st not in TERMINAL:
                    busy = True
                    if node["job"] in self.world.workflows:
                        for r in self.runs:
                            if r.wf == node["job"]:
                                r.cancel_flag = True
                    else:
                        self.set_status(node["job"], "canceled", t)
            if not busy:
                self.set_status(run.wf, "canceled", t)
            return
        self.mark_dnr(nodes)
        if self.is_done(nodes):
            failed = [n["id"] for n in nodes if self.status(n) in FAILURE
                      and not n["failure_nodes"] and not n["always_nodes"]]
            if failed:
                detail["job_explanation"] = (
                    "No error handling path for workflow job node(s) [{}]. Workflow job "
                    "node(s) missing unified job template and error handling path [].".format(
                        ", ".join(str(i) for i in failed)))
            self.set_status(run.wf, "failed" if failed else "successful", t)
            return
        for node in self.to_run(nodes):
            self.spawn(run, node, t)

    def step_child(self, run, node, t):
        if node["job"] is None or node["job"] in self.world.workflows:
            return  # nested workflows run themselves
        st = self.status(node)
        if st in TERMINAL:
            return
        _, born = self.spawn_cycle[node["job"]]
        age = run.cycles - born
        meta = self.meta[node["id"]]
        if meta["kind"] == "workflow_approval":
            wait = self.args.approve_after
            if wait and age >= wait:
                self.set_status(node["job"], "successful", t)
            return
        if st == "pending" and age >= 1:
            self.set_status(node["job"], "running", t)
        elif st == "running" and age >= 1 + self.args.run_cycles:
            self.set_status(node["job"], meta["planned"], t)

    # -- dag_workflow.py ---------------------------------------------------------------------

    def parents(self, nodes):
        by_id = {n["id"]: n for n in nodes}
        parents = {n["id"]: [] for n in nodes}
        for n in nodes:
            for kind in ("success_nodes", "failure_nodes", "always_nodes"):
                for c in n[kind]:
                    parents[c].append((by_id[n["id"]], kind))
        return by_id, parents

    def topological(self, nodes, by_id):
        seen, order = set(), []

        def visit(n):
            if n["id"] in seen:
                return
            seen.add(n["id"])
            for kind in ("success_nodes", "failure_nodes", "always_nodes"):
                for c in n[kind]:
                    visit(by_id[c])
            order.append(n)

        for n in nodes:
            visit(n)
        return list(reversed(order))

    def converged(self, n, parents):
        for p, kind in parents[n["id"]]:
            st = self.status(p)
            if st == "successful" and kind not in ("success_nodes", "always_nodes"):
                return False
            if st == "failed" and kind not in ("failure_nodes", "always_nodes"):
                return False
        return True

    def mark_dnr(self, nodes):
        by_id, parents = self.parents(nodes)
        for n in self.topological(nodes, by_id):
            if n["do_not_run"] or n["job"] is not None or not parents[n["id"]]:
                continue
            ps = parents[n["id"]]
            if n["all_parents_must_converge"]:
                if any(p["do_not_run"] for p, _ in ps) or not self.converged(n, parents):
                    n["do_not_run"] = True
                continue
            if not all(p["do_not_run"] or p["job"] is not None for p, _ in ps):
                continue
            keep = False
            for p, kind in ps:
                if p["do_not_run"]:
                    continue
                st = self.status(p)
                if st == "successful" and kind in ("success_nodes", "always_nodes"):
                    keep = True
                elif st in FAILURE and kind in ("failure_nodes", "always_nodes"):
                    keep = True
                elif st not in TERMINAL:
                    keep = True
                if keep:
                    break
            if not keep:
                n["do_not_run"] = True

    def to_run(self, nodes):
        by_id, parents = self.parents(nodes)
        queue = [n for n in nodes if not parents[n["id"]]]
        seen, out = set(), []
        while queue:
            n = queue.pop(0)
            if n["id"] in seen:
                continue
            seen.add(n["id"])
            if n["do_not_run"]:
                continue
            st = self.status(n)
            if n["job"] is not None:
                kinds = ()
                if st in FAILURE:
                    kinds = ("failure_nodes", "always_nodes")
                elif st == "successful":
                    kinds = ("success_nodes", "always_nodes")
                for kind in kinds:
                    queue.extend(by_id[c] for c in n[kind])
                continue
            live = [p for p, _ in parents[n["id"]] if not p["do_not_run"]]
            if all(self.status(p) in TERMINAL for p in live) and (
                    not n["all_parents_must_converge"] or self.converged(n, parents)):
                out.append(n)
        return out

    def is_done(self, nodes):
        for n in nodes:
            if not n["do_not_run"] and n["job"] is None:
                return False
            if n["job"] is not None and self.status(n) not in TERMINAL:
                return False
        return True

    def cancel(self, wf):
        for run in self.runs:
            if run.wf == wf:
                run.cancel_flag = True

    def live_elapsed(self, obj, now):
        """A copy of a job record with AWX's live `elapsed` (now - started) while it runs."""
        if obj.get("started") and not obj.get("finished") and obj.get("status") == "running":
            obj = dict(obj)
            obj["elapsed"] = round(now - parse_iso(obj["started"]), 3)
        return obj


def node_matches(live, node, terms):
    """The OR group of a changed-nodes query (DAB rest_filters: or__ terms ORed together)."""
    if not terms:
        return True
    for field, value in terms:
        if field == "job__status__in":
            st = live.status(node) if live else (node.get("summary_fields", {})
                                                 .get("job", {}).get("status"))
            if st is not None and st in value.split(","):
                return True
        elif field in ("job__finished__gte", "job__finished__gt"):
            job = node["job"]
            rec = None
            if job is not None:
                rec = (live.world.workflows[job]["detail"] if live and job in live.world.workflows
                       else (live.world.jobs.get(job) if live else None))
            fin = parse_iso(rec.get("finished")) if rec else None
            limit = parse_iso(value)
            if fin is not None and limit is not None and (
                    fin >= limit if field.endswith("gte") else fin > limit):
                return True
        elif field in ("modified__gte", "modified__gt"):
            mod, limit = parse_iso(node["modified"]), parse_iso(value)
            if mod is not None and limit is not None and (
                    mod >= limit if field.endswith("gte") else mod > limit):
                return True
    return False


def make_handler(world, state, args):
    world_lock = threading.RLock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "FakeAWX/1.0"
        # Headers and body go out in two writes; with Nagle's algorithm the body would wait
        # for the client's delayed ACK (40 ms on Linux), which no real AWX front end adds.
        disable_nagle_algorithm = True
        counted_connection = False

        def log_message(self, fmt, *a):  # quiet
            pass

        def send_body(self, status, body, headers=(), declared_length=None):
            # Logged before the answer goes out: a client that reads /_stats right after its
            # last answer must find that answer in the log (logging after the write raced).
            with state.lock:
                state.log.append({"path": self.path, "status": status,
                                  "sha256": hashlib.sha256(body).hexdigest()})
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(declared_length or len(body)))
            self.send_header("X-API-Node", "awx-1")
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def send_json(self, status, obj, headers=()):
            self.send_body(status, json.dumps(obj).encode("utf-8"), headers)

        def detail(self, status, text, headers=()):
            self.send_json(status, {"detail": text}, headers)

        def do_GET(self):
            try:
                self.handle_get()
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def do_POST(self):
            try:
                self.handle_post()
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def count(self, body=b""):
            """Counts an API request (and its connection) and lists it under "received"."""
            with state.lock:
                state.requests += 1
                if not self.counted_connection:
                    self.counted_connection = True
                    state.connections += 1
                state.received.append({
                    "method": self.command, "path": self.path,
                    "content_type": self.headers.get("Content-Type"),
                    "body": body.decode("utf-8", "replace")})

        def reset(self):
            """Drops the connection with a TCP reset, answering nothing."""
            with state.lock:
                state.log.append({"path": self.path, "status": 0, "sha256": ""})
            self.close_connection = True
            try:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                           struct.pack("ii", 1, 0))
                os.close(self.connection.detach())
            except OSError:
                pass

        def redirect(self, location):
            port = self.server.server_address[1]
            self.send_response(302)
            self.send_header("Location", location.replace("{port}", str(port)))
            self.send_header("Content-Length", "0")
            self.end_headers()
            with state.lock:
                state.log.append({"path": self.path, "status": 302, "sha256": ""})

        def handle_post(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length > 0 else b""
            self.count(body)
            if args.latency_ms:
                time.sleep(args.latency_ms / 1000)
            fault = state.take_fault(self.path, "POST")
            kind = fault["kind"] if fault else None
            if kind == "reset":
                return self.reset()
            if kind == "slow":
                time.sleep(fault.get("seconds", 3))
            elif kind == "status":
                headers = [("Retry-After", str(fault["retry_after"]))] \
                    if "retry_after" in fault else []
                return self.detail(fault["code"], fault.get("detail", "Server error."), headers)
            elif kind == "redirect":
                return self.redirect(fault["location"])
            if not self.authorized(self.headers.get("Authorization", "")):
                return
            with world_lock:
                if world.live:
                    world.live.advance(time.time())
                status, obj, headers = self.route_post(
                    urllib.parse.urlsplit(self.path).path, body)
                obj = json.loads(json.dumps(obj)) if obj is not None else None
            if obj is None:
                return self.send_body(status, b"", headers)
            self.send_json(status, obj, headers)

        def route_post(self, path, body):
            """Returns (status, object or None for an empty body, headers)."""
            r = world.root
            rest = path[len(r):].strip("/").split("/") if path.startswith(r) else []
            if len(rest) == 3 and rest[0] == "workflow_jobs" and rest[1].isdigit():
                wf = world.workflows.get(int(rest[1]))
                if wf is None:
                    return 404, {"detail": "No WorkflowJob matches the given query."}, []
                detail = wf["detail"]
                if rest[2] == "cancel":
                    if detail["status"] not in CAN_CANCEL:
                        return 405, {"detail": 'Method "POST" not allowed.'}, []
                    now = time.time() if world.live else None
                    detail["canceled_on"] = iso(now) if now else CREATED
                    if detail["status"] in ("new", "pending"):
                        detail.update({"status": "canceled", "failed": True,
                                       "finished": iso(now) if now else CREATED})
                    elif world.live:
                        world.live.cancel(int(rest[1]))
                    return 202, None, []
                if rest[2] == "relaunch":
                    if world.live:
                        wf = world.next_new_job
                        world.next_new_job += 1
                        template = detail.get("workflow_job_template") or 39
                        world.live.launch(wf, template, time.time(), "relaunch",
                                          extra_vars=detail["extra_vars"])
                        new = world.workflows[wf]["detail"]
                    else:
                        new = world.new_workflow_job("relaunch", detail["extra_vars"])
                    return 201, new, [("Location", new["url"])]
            if len(rest) == 3 and rest[0] == "workflow_job_templates" and rest[2] == "launch":
                if not rest[1].isdigit() or int(rest[1]) not in TEMPLATES or rest[1] == "50":
                    return 404, {"detail": "No WorkflowJobTemplate matches the given query."}, []
                try:
                    data = json.loads(body) if body.strip() else {}
                except ValueError as e:
                    return 400, {"detail": f"JSON parse error - {e}"}, []
                if not isinstance(data, dict):
                    got = type(data).__name__
                    return 400, {"detail": f"Invalid data. Expected a dictionary, but got {got}."}, []
                errors = {key: ["Field is not configured to prompt on launch."]
                          for key in ("inventory", "limit", "scm_branch", "labels", "skip_tags",
                                      "job_tags") if key in data}
                if errors:
                    return 400, errors, []
                extra = data.get("extra_vars", {})
                text = extra if isinstance(extra, str) else json.dumps(extra)
                if rest[1] == "43" and "region" not in text:
                    # A required survey question (mixins.py _survey_element_validation).
                    return 400, {"variables_needed_to_start": ["'region' value missing"]}, []
                if world.live:
                    wf = world.next_new_job
                    world.next_new_job += 1
                    world.live.launch(wf, int(rest[1]), time.time(), "manual", extra_vars=text)
                    new = world.workflows[wf]["detail"]
                else:
                    new = world.new_workflow_job("manual", text)
                answer = {"workflow_job": new["id"], "ignored_fields": {}}
                answer.update(new)
                return 201, answer, [("Location", new["url"])]
            return 404, {"detail": "Not found."}, []

        def handle_get(self):
            if self.path.startswith("/_jobs"):
                ids = world.listed if world.listed is not None else sorted(world.workflows)
                data = json.dumps([world.list_item(i) for i in ids]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            if self.path.startswith("/_stats"):
                with state.lock:
                    body = {"requests": state.requests, "connections": state.connections,
                            "log": state.log, "received": state.received}
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            self.count()
            if args.latency_ms:
                time.sleep(args.latency_ms / 1000)
            fault = state.take_fault(self.path)
            kind = fault["kind"] if fault else None
            auth = self.headers.get("Authorization", "")
            if kind == "reset":
                return self.reset()
            if kind == "slow":
                time.sleep(fault.get("seconds", 3))
            elif kind == "status":
                headers = []
                if "retry_after" in fault:
                    headers.append(("Retry-After", str(fault["retry_after"])))
                if fault["code"] == 401:
                    headers.append(("WWW-Authenticate", WWW_AUTH))
                return self.detail(fault["code"], fault.get("detail", "Server error."), headers)
            elif kind == "redirect":
                return self.redirect(fault["location"])
            elif kind == "echo_auth":
                return self.detail(401, f"Bad credentials: {auth}", [("WWW-Authenticate", WWW_AUTH)])
            url = urllib.parse.urlsplit(self.path)
            # /api/ is AllowAny in AWX (ApiRootView); everything else needs credentials.
            if url.path != "/api/" and not self.authorized(auth):
                return
            query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            with world_lock:
                if world.live:
                    world.live.advance(time.time())
                status, obj = self.route(url.path, query)
                if obj is None:
                    return self.detail(404, "Not found.")
                # Encoded now: the live run changes the objects under the lock.
                obj = json.loads(json.dumps(obj))
            if kind == "echo_secret":
                obj = dict(obj)
                obj["echo"] = auth
            if kind == "loop" and "next" in obj:
                obj = dict(obj)
                obj["next"] = self.path
            if kind == "foreign_next" and obj.get("next"):
                obj = dict(obj)
                obj["next"] = "http://other.example:8080" + obj["next"]
            if isinstance(obj, str):  # stdout/?format=txt
                return self.send_body(status, obj.encode("utf-8"),
                                      headers=[("X-Text", "plain")])
            body = json.dumps(obj).encode("utf-8")
            if kind == "badjson":
                body = body[: len(body) // 2]
            if kind == "truncate":
                self.send_body(status, body[: len(body) // 2], declared_length=len(body))
                self.wfile.flush()
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return
            self.send_body(status, body)

        def authorized(self, auth):
            if not (args.token or args.username):
                return True
            if args.token and auth == f"Bearer {args.token}":
                return True
            if args.username and auth.startswith("Basic "):
                import base64
                try:
                    user, _, pw = base64.b64decode(auth[6:]).decode().partition(":")
                except Exception:
                    user, pw = "", ""
                if user == args.username and pw == args.password:
                    return True
                self.detail(401, BAD_BASIC_DETAIL, [("WWW-Authenticate", WWW_AUTH)])
                return False
            self.detail(401, AUTH_DETAIL, [("WWW-Authenticate", WWW_AUTH)])
            return False

        def route(self, path, query):
            """Returns (status, object) or (404, None)."""
            r = world.root
            if path == "/api/":
                if args.no_api_root:
                    return 404, None
                return 200, {"description": "AWX REST API", "current_version": r,
                             "available_versions": {"v2": r}, "custom_logo": "",
                             "custom_login_info": "", "login_redirect_override": ""}
            if not path.startswith(r):
                return 404, None
            rest = path[len(r):].strip("/").split("/")
            if rest == [""]:
                return 200, {"workflow_jobs": f"{r}workflow_jobs/",
                             "unified_jobs": f"{r}unified_jobs/"}
            if rest == ["workflow_jobs"]:
                ids = world.listed if world.listed is not None else sorted(world.workflows)
                status, found = filter_jobs([world.list_item(i) for i in ids], query)
                if status != 200:
                    return status, {"detail": found}
                return self.paginate(path, query, found)
            if rest[0] == "workflow_jobs" and len(rest) >= 2 and rest[1].isdigit():
                wf = world.workflows.get(int(rest[1]))
                if wf is None:
                    return 404, {"detail": "No WorkflowJob matches the given query."}
                if len(rest) == 2:
                    if world.live:
                        return 200, world.live.live_elapsed(wf["detail"], time.time())
                    return 200, wf["detail"]
                sub = rest[2]
                items = {"workflow_nodes": lambda: self.filtered(wf["nodes"], query),
                         "labels": lambda: world.labels(int(rest[1])),
                         "activity_stream": lambda: world.activity(int(rest[1])),
                         "notifications": lambda: world.notifications(int(rest[1]))}.get(sub)
                if items is None or (sub == "notifications" and args.no_notifications):
                    return 404, None
                return self.paginate(path, query, items())
            if rest[0] in ("jobs", "project_updates", "inventory_updates") and len(rest) == 3 \
                    and rest[1].isdigit():
                job = world.jobs.get(int(rest[1]))
                if job is None or PATHS.get(job["type"]) != rest[0]:
                    return 404, {"detail": "Not found."}
                jid = int(rest[1])
                failed = job["status"] in ("failed", "error")
                if rest[0] == "jobs" and rest[2] == "job_events":
                    events = job_events(jid, args.hostile_events, args.event_padding) \
                        if failed else []
                    if args.events_unfinished:
                        events = [e for e in events if e["event"] != "playbook_on_stats"]
                    return self.paginate(path, query, filter_events(events, query))
                if rest[0] == "jobs" and rest[2] == "job_host_summaries":
                    rows = host_summaries(jid, args.hostile_events) \
                        if failed and not args.events_unfinished else []
                    return self.paginate(path, query, rows)
                if rest[0] != "jobs" and rest[2] == "events":
                    return self.paginate(path, query, [])
                if rest[2] == "stdout":
                    if args.oversized_stdout:
                        return 200, TOO_LARGE
                    lines = [f"{ANSI_RED}Identity added: /runner/artifacts/ssh_key_data{ANSI_OFF}",
                             "fatal: could not read Username for 'https://git.example.com'",
                             f"token={EVENT_SECRET}", "\x1b]0;title\x07<script>alert(4)</script>"]
                    return 200, "\r\n".join(lines) + "\r\n"
                return 404, None
            if rest[0] in ("unified_jobs", "workflow_approvals") and len(rest) == 1:
                wanted = query.get("id__in", [""])[0]
                ids = {int(x) for x in wanted.split(",") if x.strip().isdigit()}
                approvals = rest[0] == "workflow_approvals"
                found = [world.jobs[i] for i in sorted(ids) if i in world.jobs
                         and (world.jobs[i]["type"] == "workflow_approval") == approvals]
                if world.live:
                    found = [world.live.live_elapsed(j, time.time()) for j in found]
                return self.paginate(path, query, found)
            if rest == ["workflow_job_nodes"]:
                wanted = query.get("workflow_job__in", query.get("workflow_job", [""]))[0]
                ids = [int(x) for x in wanted.split(",") if x.strip().isdigit()]
                nodes = [n for i in ids if i in world.workflows for n in world.workflows[i]["nodes"]]
                nodes.sort(key=lambda n: n["id"])
                return self.paginate(path, query, self.filtered(nodes, query))
            lists = {"workflow_job_templates": TEMPLATES, "inventories": INVENTORIES,
                     "labels": {60 + i: f"label-{i}" for i in range(args.labels)}}
            if len(rest) == 1 and rest[0] in lists:
                kind = {"workflow_job_templates": "workflow_job_template",
                        "inventories": "inventory", "labels": "label"}[rest[0]]
                name = query.get("name", [None])[0]
                found = [{"id": i, "type": kind, "url": f"{r}{rest[0]}/{i}/", "name": n}
                         for i, n in sorted(lists[rest[0]].items())
                         if (name is None or n == name) and not (kind == "workflow_job_template"
                                                                 and i == 50)]
                return self.paginate(path, query, found)
            return 404, None

        def filtered(self, nodes, query):
            """Nodes matching the query's or__ group (and nothing else is filtered)."""
            terms = [(k[4:], v[0]) for k, v in query.items() if k.startswith("or__")]
            return [n for n in nodes if node_matches(world.live, n, terms)]

        def paginate(self, path, query, items):
            try:
                size = int(query.get("page_size", ["25"])[0])
            except ValueError:
                size = 25
            size = max(1, min(size, 200))
            try:
                page = int(query.get("page", ["1"])[0])
            except ValueError:
                page = 1
            start = (page - 1) * size
            if page < 1 or (page > 1 and start >= len(items)):
                return 404, {"detail": "Invalid page."}

            def link(n):
                q = {k: v[0] for k, v in query.items()}
                if "page_size" in q:
                    q["page_size"] = str(size)
                if n == 1:
                    q.pop("page", None)
                else:
                    q["page"] = str(n)
                enc = urllib.parse.urlencode(sorted(q.items()))
                return path + ("?" + enc if enc else "")

            return 200, {
                "count": len(items),
                "next": link(page + 1) if start + size < len(items) else None,
                "previous": link(page - 1) if page > 1 else None,
                "results": items[start:start + size],
            }

    return Handler


def watch_parent(parent):
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


def main():
    # The Swift test runner starts us with most signals blocked; take SIGTERM/SIGINT back.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    args = parse_args()
    world = World(args)
    state = State(json.loads(args.faults))
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(world, state, args))
    server.daemon_threads = True
    if args.tls_cert:
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
