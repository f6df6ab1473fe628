#!/usr/bin/env python3
"""Writes examples/workflow-job-4711.snapshot.json: a realistic AWX workflow run.

Every body follows AWX 24.x's serializers (awx/api/serializers.py in the AWX source): key
order, host-relative URLs, pagination envelopes, summary_fields. Bodies are rendered the way
DRF's JSONRenderer does (compact separators, UTF-8). Deterministic: run it twice, get the same bytes.

The run: "Deploy web platform" (workflow job 4711) with 17 nodes and a nested workflow (4712,
3 nodes): all three edge kinds, an ALL-convergence node that runs and one that never runs, an
approval, a handled failure, an unhandled failure (so the workflow failed), never-run branches,
labels, notifications, an activity stream, and extra_vars with a $encrypted$ survey password
and secret-looking keys.
"""
import hashlib
import json
import sys

API = "/api/v2/"
HOST = "https://awx.example.com"
FETCHED_AT = "2026-11-27T10:15:42.501337Z"


def body(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def ts(minute, second, micro=None):
    base = f"2026-11-27T09:{minute:02d}:{second:02d}"
    return base + (f".{micro:06d}Z" if micro else "Z")


def user(uid, name, first, last):
    return {"id": uid, "username": name, "first_name": first, "last_name": last}


ALICE = user(7, "alice", "Alice", "Nakamura")
BOB = user(12, "bob", "Bob", "Okafor")

# Templates: id -> (name, unified_job_type, endpoint)
TEMPLATES = {
    21: ("Sync platform project", "project_update", "projects"),
    22: ("Sync cloud inventory", "inventory_update", "inventory_sources"),
    23: ("Lint playbooks", "job", "job_templates"),
    24: ("Provision infrastructure", "job", "job_templates"),
    25: ("Approve production rollout", "workflow_approval", "workflow_approval_templates"),
    26: ("Rollback infrastructure", "job", "job_templates"),
    27: ("Deploy application", "workflow_job", "workflow_job_templates"),
    28: ("Migrate database", "job", "job_templates"),
    29: ("Smoke tests", "job", "job_templates"),
    30: ("Restore database snapshot", "job", "job_templates"),
    31: ("Enable traffic", "job", "job_templates"),
    32: ("Announce release", "job", "job_templates"),
    33: ("Collect logs", "job", "job_templates"),
    34: ("Security scan", "job", "job_templates"),
    35: ("Publish SBOM", "job", "job_templates"),
    36: ("Cleanup temporary files", "system_job", "system_job_templates"),
    37: ("Warm CDN cache", "job", "job_templates"),
    41: ("Build container image", "job", "job_templates"),
    42: ("Push image to registry", "job", "job_templates"),
    43: ("Record release", "job", "job_templates"),
}
JOB_ENDPOINT = {"job": "jobs", "project_update": "project_updates", "inventory_update": "inventory_updates",
                "workflow_job": "workflow_jobs", "workflow_approval": "workflow_approvals",
                "system_job": "system_jobs"}

# Nodes of 4711: id, identifier, template, job id, status, (start m,s,us), (end m,s,us), edges, flags
# identifier: a real name given in the editor, or a UUID (then the template name is shown).
NODES_4711 = [
    dict(id=301, ident="sync-project", t=21, job=9101, status="successful", start=(0, 3, 512211), end=(0, 41, 87345), success=[303, 302]),
    dict(id=302, ident="9b2f1c84-6c5e-4d1a-9a57-2f4b8e1d7c10", t=22, job=9102, status="successful", start=(0, 44, 10020), end=(1, 58, 640311), success=[304]),
    dict(id=303, ident="lint", t=23, job=9103, status="successful", start=(0, 44, 20400), end=(1, 12, 0), success=[304]),
    dict(id=304, ident="provision", t=24, job=9104, status="successful", start=(2, 1, 331870), end=(9, 47, 912004), success=[305], failure=[306], all=True),
    dict(id=305, ident="approve-prod", t=25, job=9105, status="successful", start=(9, 50, 118003), end=(21, 7, 402611), success=[307], approval=True),
    dict(id=306, ident="rollback-infra", t=26, dnr=True, always=[316]),
    dict(id=307, ident="deploy-app", t=27, job=4712, status="successful", start=(21, 10, 5550), end=(33, 52, 771200), success=[308, 309]),
    dict(id=308, ident="migrate-db", t=28, job=9108, status="failed", start=(33, 55, 200301), end=(36, 20, 918822), success=[312], failure=[310],
         explanation=""),
    dict(id=309, ident="smoke-tests", t=29, job=9109, status="failed", start=(33, 55, 310000), end=(41, 2, 56734), success=[311]),
    dict(id=310, ident="restore-db", t=30, job=9110, status="successful", start=(36, 23, 402500), end=(39, 11, 3009), always=[313]),
    dict(id=311, ident="enable-traffic", t=31, dnr=True, success=[312]),
    dict(id=312, ident="announce <release> & \"notify\"", t=32, dnr=True, all=True),
    dict(id=313, ident="collect-logs", t=33, job=9113, status="successful", start=(39, 14, 771000), end=(40, 30, 112808)),
    dict(id=314, ident="security-scan", t=34, job=9114, status="successful", start=(0, 3, 601002), end=(6, 15, 440000), success=[315]),
    dict(id=315, ident="publish-sbom", t=35, job=9115, status="successful", start=(6, 18, 15993), end=(7, 1, 806200), failure=[317]),
    dict(id=316, ident="cleanup-tmp", t=36, dnr=True),
    dict(id=317, ident="warm-cache", t=37, dnr=True),
]
NODES_4712 = [
    dict(id=401, ident="build-image", t=41, job=9201, status="successful", start=(21, 13, 440120), end=(28, 40, 3550), success=[402]),
    dict(id=402, ident="push-image", t=42, job=9202, status="successful", start=(28, 43, 99120), end=(31, 2, 600000), always=[403]),
    dict(id=403, ident="record-release", t=43, job=9203, status="successful", start=(31, 5, 12000), end=(33, 49, 907000)),
]

EXPLANATIONS = {9109: "", 9108: ""}


def seconds(a, b):
    return round((b[0] * 60 + b[1] + b[2] / 1e6) - (a[0] * 60 + a[1] + a[2] / 1e6), 3)


def ts3(t):
    return ts(t[0], t[1], t[2])


def node_record(n, wf_id, wf_name):
    tid = n["t"]
    tname, ttype, tep = TEMPLATES[tid]
    related = {
        "labels": f"{API}workflow_job_nodes/{n['id']}/labels/",
        "credentials": f"{API}workflow_job_nodes/{n['id']}/credentials/",
        "instance_groups": f"{API}workflow_job_nodes/{n['id']}/instance_groups/",
        "success_nodes": f"{API}workflow_job_nodes/{n['id']}/success_nodes/",
        "failure_nodes": f"{API}workflow_job_nodes/{n['id']}/failure_nodes/",
        "always_nodes": f"{API}workflow_job_nodes/{n['id']}/always_nodes/",
        "unified_job_template": f"{API}{tep}/{tid}/",
    }
    summary = {}
    if n.get("job"):
        related["job"] = f"{API}{JOB_ENDPOINT[ttype]}/{n['job']}/"
        job = {"id": n["job"], "name": tname, "description": "", "status": n["status"],
               "failed": n["status"] in ("failed", "error", "canceled"),
               "elapsed": seconds(n["start"], n["end"]), "type": ttype}
        if n.get("approval"):
            job["timed_out"] = False
        summary["job"] = job
    related["workflow_job"] = f"{API}workflow_jobs/{wf_id}/"
    summary["workflow_job"] = {"id": wf_id, "name": wf_name, "description": ""}
    summary["unified_job_template"] = {"id": tid, "name": tname, "description": "", "unified_job_type": ttype}
    return {
        "id": n["id"], "type": "workflow_job_node", "url": f"{API}workflow_job_nodes/{n['id']}/",
        "related": related, "summary_fields": summary,
        "created": "2026-11-27T08:59:58.774402Z", "modified": "2026-11-27T09:42:31.004118Z",
        "extra_data": {"deploy_stage": "prod"} if n["id"] == 307 else {},
        "inventory": None, "scm_branch": None, "job_type": None, "job_tags": None, "skip_tags": None,
        "limit": None, "diff_mode": None, "verbosity": None, "execution_environment": None,
        "forks": None, "job_slice_count": None, "timeout": None,
        "job": n.get("job"), "workflow_job": wf_id, "unified_job_template": tid,
        "success_nodes": n.get("success", []), "failure_nodes": n.get("failure", []),
        "always_nodes": n.get("always", []),
        "all_parents_must_converge": bool(n.get("all")), "do_not_run": bool(n.get("dnr")),
        "identifier": n["ident"],
    }


def page(results, url_base, count=None):
    return {"count": len(results) if count is None else count, "next": None, "previous": None, "results": results}


def unified_job(n, wf_id, wf_name, root_id):
    tname, ttype, tep = TEMPLATES[n["t"]]
    jid = n["job"]
    failed = n["status"] in ("failed", "error", "canceled")
    rec = {
        "id": jid, "type": ttype, "url": f"{API}{JOB_ENDPOINT[ttype]}/{jid}/",
        "related": {"created_by": f"{API}users/7/", "unified_job_template": f"{API}{tep}/{n['t']}/",
                    "source_workflow_job": f"{API}workflow_jobs/{wf_id}/"},
        "summary_fields": {
            "unified_job_template": {"id": n["t"], "name": tname, "description": "", "unified_job_type": ttype},
            "source_workflow_job": {"id": wf_id, "name": wf_name, "description": "", "status": "failed" if wf_id == 4711 else "successful", "failed": wf_id == 4711, "elapsed": 2560.81 if wf_id == 4711 else 762.766},
            "ancestor_job": {"id": root_id, "name": "Deploy web platform", "type": "workflow_job", "url": f"{API}workflow_jobs/{root_id}/"},
            "created_by": ALICE,
            "user_capabilities": {"delete": True, "start": True},
        },
        "created": ts3(n["start"]), "modified": ts3(n["end"]), "name": tname, "description": "",
        "unified_job_template": n["t"], "launch_type": "workflow", "status": n["status"], "failed": failed,
        "started": ts3(n["start"]), "finished": ts3(n["end"]), "canceled_on": None,
        "elapsed": seconds(n["start"], n["end"]),
        "job_explanation": "", "execution_node": "awx-task-1", "controller_node": "",
        "launched_by": {"id": 7, "name": "alice", "type": "user", "url": f"{API}users/7/"},
        "work_unit_id": "Xa81kqPz",
    }
    if ttype == "job":
        rec["job_type"] = "run"
        rec["playbook"] = tname.lower().replace(" ", "_") + ".yml"
    if jid == 9109:
        rec["job_explanation"] = ""
    return rec


def approval(n, wf_id, wf_name, root_id):
    tname, ttype, tep = TEMPLATES[n["t"]]
    jid = n["job"]
    return {
        "id": jid, "type": "workflow_approval", "url": f"{API}workflow_approvals/{jid}/",
        "related": {"unified_job_template": f"{API}workflow_approval_templates/{n['t']}/",
                    "source_workflow_job": f"{API}workflow_jobs/{wf_id}/",
                    "approve": f"{API}workflow_approvals/{jid}/approve/", "deny": f"{API}workflow_approvals/{jid}/deny/"},
        "summary_fields": {
            "workflow_job_template": {"id": 19, "name": "Deploy web platform", "description": ""},
            "workflow_job": {"id": wf_id, "name": wf_name, "description": ""},
            "workflow_approval_template": {"id": n["t"], "name": tname, "description": "", "timeout": 3600},
            "unified_job_template": {"id": n["t"], "name": tname, "description": "", "unified_job_type": "workflow_approval"},
            "approved_or_denied_by": BOB,
            "source_workflow_job": {"id": wf_id, "name": wf_name, "description": "", "status": "failed", "failed": True, "elapsed": 2560.81},
            "user_capabilities": {"delete": True, "start": True},
        },
        "created": ts3(n["start"]), "modified": ts3(n["end"]), "name": tname, "description": "",
        "unified_job_template": n["t"], "launch_type": "workflow", "status": n["status"], "failed": False,
        "started": ts3(n["start"]), "finished": ts3(n["end"]), "canceled_on": None,
        "elapsed": seconds(n["start"], n["end"]), "job_explanation": "",
        "launched_by": {"id": 7, "name": "alice", "type": "user", "url": f"{API}users/7/"},
        "work_unit_id": None, "can_approve_or_deny": False, "approval_expiration": None, "timed_out": False,
    }


EXTRA_VARS = {
    "app_version": "2.14.0", "target_env": "production", "replicas": 6,
    "db_password": "$encrypted$", "api_token": "tok-8f31c2e9a4b7d6",
    "notify": {"channel": "#deploys", "webhook_secret": "hunter2"},
    "feature_flags": ["new-checkout", "fast-search"],
}


def workflow_job(wf_id, name, status, start, end, launch, nested_parent=None, labels=()):
    related = {"created_by": f"{API}users/7/", "modified_by": f"{API}users/7/",
               "unified_job_template": f"{API}workflow_job_templates/{19 if wf_id == 4711 else 27}/"}
    if nested_parent:
        related["source_workflow_job"] = f"{API}workflow_jobs/{nested_parent}/"
    related.update({
        "workflow_job_template": f"{API}workflow_job_templates/{19 if wf_id == 4711 else 27}/",
        "notifications": f"{API}workflow_jobs/{wf_id}/notifications/",
        "workflow_nodes": f"{API}workflow_jobs/{wf_id}/workflow_nodes/",
        "labels": f"{API}workflow_jobs/{wf_id}/labels/",
        "activity_stream": f"{API}workflow_jobs/{wf_id}/activity_stream/",
        "relaunch": f"{API}workflow_jobs/{wf_id}/relaunch/",
        "cancel": f"{API}workflow_jobs/{wf_id}/cancel/",
    })
    summary = {
        "organization": {"id": 3, "name": "Platform Engineering", "description": ""},
        "inventory": {"id": 5, "name": "prod-eu-west", "description": "", "has_active_failures": False,
                      "total_hosts": 48, "hosts_with_active_failures": 0, "total_groups": 9,
                      "has_inventory_sources": True, "total_inventory_sources": 1,
                      "inventory_sources_with_failures": 0, "organization_id": 3, "kind": ""},
        "workflow_job_template": {"id": 19 if wf_id == 4711 else 27, "name": name, "description": ""},
        "unified_job_template": {"id": 19 if wf_id == 4711 else 27, "name": name, "description": "", "unified_job_type": "workflow_job"},
        "created_by": ALICE, "modified_by": ALICE,
        "user_capabilities": {"delete": True, "start": True},
    }
    if nested_parent:
        summary["source_workflow_job"] = {"id": nested_parent, "name": "Deploy web platform", "description": "", "status": "failed", "failed": True, "elapsed": 2560.81}
        summary["ancestor_job"] = {"id": nested_parent, "name": "Deploy web platform", "type": "workflow_job", "url": f"{API}workflow_jobs/{nested_parent}/"}
    summary["labels"] = {"count": len(labels), "results": [{"id": i, "name": n} for i, n in labels]}
    failed = status in ("failed", "error", "canceled")
    return {
        "id": wf_id, "type": "workflow_job", "url": f"{API}workflow_jobs/{wf_id}/", "related": related,
        "summary_fields": summary, "created": ts3(start), "modified": ts3(end), "name": name,
        "description": "Blue/green rollout of the web platform" if wf_id == 4711 else "",
        "unified_job_template": 19 if wf_id == 4711 else 27, "launch_type": launch, "status": status,
        "failed": failed, "started": ts3(start), "finished": ts3(end), "canceled_on": None,
        "elapsed": seconds(start, end), "job_args": "", "job_cwd": "", "job_env": {},
        "job_explanation": "No error handling paths found, marking workflow as failed" if failed else "",
        "result_traceback": "",
        "launched_by": {"id": 7, "name": "alice", "type": "user", "url": f"{API}users/7/"},
        "work_unit_id": None, "workflow_job_template": 19 if wf_id == 4711 else 27,
        "extra_vars": json.dumps(EXTRA_VARS if wf_id == 4711 else {"app_version": "2.14.0", "registry_password": "$encrypted$"}),
        "allow_simultaneous": False, "job_template": None, "is_sliced_job": False, "inventory": 5,
        "limit": None, "scm_branch": "", "webhook_service": "", "webhook_credential": None,
        "webhook_guid": "", "skip_tags": "", "job_tags": "",
    }


def responses():
    out = []

    def add(kind, wf, url, obj):
        out.append((kind, wf, url, body(obj)))

    labels = [(11, "production"), (12, "web"), (13, "release-2.14")]
    wf = workflow_job(4711, "Deploy web platform", "failed", (0, 0, 123456), (42, 40, 933101), "manual", labels=labels)
    add("workflow_job", 4711, f"{API}workflow_jobs/4711/", wf)
    nodes = [node_record(n, 4711, "Deploy web platform") for n in NODES_4711]
    # Two pages of 10 (as with page_size=10) to exercise pagination.
    p1 = {"count": len(nodes), "next": f"{API}workflow_jobs/4711/workflow_nodes/?page=2&page_size=10", "previous": None, "results": nodes[:10]}
    p2 = {"count": len(nodes), "next": None, "previous": f"{API}workflow_jobs/4711/workflow_nodes/?page=1&page_size=10", "results": nodes[10:]}
    add("workflow_nodes", 4711, f"{API}workflow_jobs/4711/workflow_nodes/?page_size=10", p1)
    add("workflow_nodes", 4711, f"{API}workflow_jobs/4711/workflow_nodes/?page=2&page_size=10", p2)
    ran = [n for n in NODES_4711 if n.get("job")]
    jobs = [unified_job(n, 4711, "Deploy web platform", 4711) for n in ran if not n.get("approval")]
    # The nested workflow job appears in unified_jobs too.
    wf2 = workflow_job(4712, "Deploy application", "successful", (21, 10, 5550), (33, 52, 771200), "workflow", nested_parent=4711)
    jobs = [j if j["id"] != 4712 else {k: v for k, v in wf2.items() if k not in ("job_args", "job_cwd", "job_env", "result_traceback")} for j in jobs]
    ids = ",".join(str(n["job"]) for n in ran if not n.get("approval"))
    add("unified_jobs", 4711, f"{API}unified_jobs/?id__in={ids}&page_size=200", page(sorted(jobs, key=lambda j: j["id"]), None))
    appr = [approval(n, 4711, "Deploy web platform", 4711) for n in ran if n.get("approval")]
    add("workflow_approvals", 4711, f"{API}workflow_approvals/?id__in={','.join(str(a['id']) for a in appr)}&page_size=200", page(appr, None))
    add("labels", 4711, f"{API}workflow_jobs/4711/labels/?page_size=200", page([
        {"id": i, "type": "label", "url": f"{API}labels/{i}/", "related": {"organization": f"{API}organizations/3/"},
         "summary_fields": {"organization": {"id": 3, "name": "Platform Engineering", "description": ""}},
         "created": "2025-02-10T14:03:11.120000Z", "modified": "2025-02-10T14:03:11.120000Z", "name": n, "organization": 3}
        for i, n in labels], None))
    add("notifications", 4711, f"{API}workflow_jobs/4711/notifications/?page_size=200", page([
        {"id": 881, "type": "notification", "url": f"{API}notifications/881/", "related": {"notification_template": f"{API}notification_templates/4/"},
         "summary_fields": {"notification_template": {"id": 4, "name": "#deploys on Slack", "description": ""}},
         "created": "2026-11-27T09:09:50.400121Z", "modified": "2026-11-27T09:09:51.002003Z", "notification_template": 4,
         "error": "", "status": "successful", "notifications_sent": 1, "notification_type": "slack", "recipients": "#deploys",
         "subject": "Approval needed: Approve production rollout (Deploy web platform)"},
        {"id": 902, "type": "notification", "url": f"{API}notifications/902/", "related": {"notification_template": f"{API}notification_templates/2/"},
         "summary_fields": {"notification_template": {"id": 2, "name": "On-call e-mail", "description": ""}},
         "created": "2026-11-27T09:42:41.507789Z", "modified": "2026-11-27T09:42:43.118001Z", "notification_template": 2,
         "error": "", "status": "successful", "notifications_sent": 2, "notification_type": "email",
         "recipients": "oncall@example.com, platform@example.com",
         "subject": "Workflow Job #4711 'Deploy web platform' failed: https://awx.example.com/#/jobs/workflow/4711",
         "body": {"id": 4711, "name": "Deploy web platform", "status": "failed"}},
        {"id": 903, "type": "notification", "url": f"{API}notifications/903/", "related": {"notification_template": f"{API}notification_templates/9/"},
         "summary_fields": {"notification_template": {"id": 9, "name": "Status webhook", "description": ""}},
         "created": "2026-11-27T09:42:41.612004Z", "modified": "2026-11-27T09:42:46.700400Z", "notification_template": 9,
         "error": "HTTPSConnectionPool(host='status.example.com', port=443): Read timed out. (read timeout=10)",
         "status": "failed", "notifications_sent": 0, "notification_type": "webhook", "recipients": "https://status.example.com/hooks/awx",
         "body": {"status": "failed"}},
    ], None))
    add("activity_stream", 4711, f"{API}workflow_jobs/4711/activity_stream/?page_size=200", page([
        {"id": 55120, "type": "activity_stream", "url": f"{API}activity_stream/55120/",
         "related": {"actor": f"{API}users/7/", "workflow_job": [f"{API}workflow_jobs/4711/"]},
         "summary_fields": {"actor": ALICE, "workflow_job": [{"id": 4711, "name": "Deploy web platform"}]},
         "timestamp": "2026-11-27T08:59:58.601200Z", "operation": "create",
         "changes": {"name": "Deploy web platform", "status": "pending", "launch_type": "manual", "extra_vars": "{\"db_password\": \"$encrypted$\"}"},
         "object1": "workflow_job", "object2": "", "object_association": "", "action_node": "awx-web-1", "object_type": "workflow_job"},
        {"id": 55121, "type": "activity_stream", "url": f"{API}activity_stream/55121/",
         "related": {"actor": f"{API}users/7/", "workflow_job": [f"{API}workflow_jobs/4711/"], "label": [f"{API}labels/11/"]},
         "summary_fields": {"actor": ALICE, "workflow_job": [{"id": 4711, "name": "Deploy web platform"}], "label": [{"id": 11, "name": "production"}]},
         "timestamp": "2026-11-27T08:59:58.702993Z", "operation": "associate", "changes": {"object1": "workflow_job", "object2": "label"},
         "object1": "workflow_job", "object2": "label", "object_association": "labels", "action_node": "awx-web-1", "object_type": "workflow_job"},
        {"id": 55190, "type": "activity_stream", "url": f"{API}activity_stream/55190/",
         "related": {"actor": f"{API}users/12/", "workflow_approval": [f"{API}workflow_approvals/9105/"]},
         "summary_fields": {"actor": BOB, "workflow_approval": [{"id": 9105, "name": "Approve production rollout"}]},
         "timestamp": "2026-11-27T09:21:07.398120Z", "operation": "update", "changes": {"status": ["pending", "successful"]},
         "object1": "workflow_approval", "object2": "", "object_association": "", "action_node": "awx-web-2", "object_type": "workflow_approval"},
    ], None))
    # The nested workflow 4712.
    add("workflow_job", 4712, f"{API}workflow_jobs/4712/", wf2)
    nodes2 = [node_record(n, 4712, "Deploy application") for n in NODES_4712]
    add("workflow_nodes", 4712, f"{API}workflow_jobs/4712/workflow_nodes/?page_size=200", page(nodes2, None))
    jobs2 = [unified_job(n, 4712, "Deploy application", 4711) for n in NODES_4712]
    add("unified_jobs", 4712, f"{API}unified_jobs/?id__in={','.join(str(n['job']) for n in NODES_4712)}&page_size=200", page(jobs2, None))
    add("labels", 4712, f"{API}workflow_jobs/4712/labels/?page_size=200", page([], None))
    add("activity_stream", 4712, f"{API}workflow_jobs/4712/activity_stream/?page_size=200", page([], None))
    return out


def main():
    # The smoke tests' own failure explanation lives in stdout, which AWX does not expose here;
    # a deliberate job_explanation shows how one is reported.
    resp = []
    for kind, wf, url, text in responses():
        raw = text.encode("utf-8")
        resp.append({"kind": kind, "workflow_job": wf, "method": "GET", "url": url, "status": 200,
                     "sha256": hashlib.sha256(raw).hexdigest(), "body": text})
    snap = {"format": "awx-report-snapshot", "format_version": 1, "tool": "awx-report 0.1.0",
            "host": HOST, "api_root": API, "fetched_at": FETCHED_AT, "workflow_job": 4711,
            "responses": resp}
    out = sys.argv[1] if len(sys.argv) > 1 else "workflow-job-4711.snapshot.json"
    with open(out, "w", encoding="utf-8") as f:
        f.write(json.dumps(snap, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
