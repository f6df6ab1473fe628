import AWXReportJSON
import AWXReportModel

/// Writes `summary.json`: the run as data for CI systems and archives, in the shape
/// `docs/summary.schema.json` (JSON Schema draft 2020-12) describes. Keys are sorted at every
/// level and numbers written by ``NumberFormat``, so the file diffs well and the same run always
/// gives the same bytes. Texts come from a run that ``Redaction/run(_:)`` already passed over.
package enum SummaryJSON {
  /// The value of the `schema` key.
  package static let schemaID = "awx-report/summary/1"

  /// What the summary says about where it came from.
  package struct Source: Sendable {
    /// The AWX base URL, for links into its UI.
    package var host: String
    /// When the snapshot was fetched.
    package var fetchedAt: Timestamp
    /// The snapshot file's SHA-256 (hex).
    package var snapshotSHA256: String
    /// The tool's name and version.
    package var tool: String

    package init(host: String, fetchedAt: Timestamp, snapshotSHA256: String, tool: String) {
      self.host = host
      self.fetchedAt = fetchedAt
      self.snapshotSHA256 = snapshotSHA256
      self.tool = tool
    }
  }

  /// The file's text (pretty-printed, ends with a newline).
  package static func render(_ summary: RunSummary, source: Source) -> String {
    var root = run(summary, links: AWXLinks(host: source.host))
    root.append(("schema", .string(schemaID)))
    root.append(
      (
        "source",
        object([
          ("fetched_at", .string(source.fetchedAt.iso8601)),
          ("host", .string(source.host)),
          ("snapshot_sha256", .string(source.snapshotSHA256)),
          ("tool", .string(source.tool)),
        ])
      ))
    return JSONWriter.write(object(root), style: .pretty)
  }

  /// One run's members (the top-level object, and each nested workflow's).
  static func run(_ s: RunSummary, links: AWXLinks) -> [(key: String, value: JSONValue)] {
    let job = s.job
    var counts: [(key: String, value: JSONValue)] = []
    for (state, n) in s.counts { counts.append((state, int(n))) }
    let verdict = object([
      ("agrees_with_awx", .bool(s.verdict.agreesWithAWX)),
      ("explanation", .string(Narrative.verdict(s))),
      ("handled_failures", ints(s.verdict.handledFailures)),
      ("status", .string(s.verdict.byRules.rawValue)),
      ("unhandled_failures", ints(s.verdict.unhandledFailures)),
    ])
    let workflowJob = object([
      ("elapsed", number(job.elapsed)),
      ("explanation", .string(job.explanation)),
      ("extra_vars", variables(job.extraVars)),
      ("failed", .bool(job.failed)),
      ("finished", time(job.finished)),
      ("id", int(job.id)),
      ("labels", .array(job.labels.map(JSONValue.string))),
      ("launch_type", .string(job.launchType)),
      ("launched_by", job.launchedBy.map(JSONValue.string) ?? .null),
      ("limit", job.limit.map(JSONValue.string) ?? .null),
      ("name", .string(job.name)),
      ("scm_branch", job.scmBranch.map(JSONValue.string) ?? .null),
      ("started", time(job.started)),
      ("status", .string(job.status.rawValue)),
      ("template_id", job.templateID.map(int) ?? .null),
      ("template_name", job.templateName.map(JSONValue.string) ?? .null),
      ("url", links.workflow(job.id).map(JSONValue.string) ?? .null),
    ])
    let critical = object([
      ("duration", number(s.criticalPathDuration)),
      ("nodes", ints(s.criticalPath)),
    ])
    let nodes = s.nodes.map { node(_: $0, in: s, links: links) }
    return [
      ("counts", object(counts)),
      ("critical_path", critical),
      ("nodes", .array(nodes)),
      ("verdict", verdict),
      ("workflow_job", workflowJob),
    ]
  }

  static func node(_ n: RunSummary.Node, in s: RunSummary, links: AWXLinks) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("all_parents_must_converge", .bool(n.allParentsMustConverge)),
      ("always_nodes", ints(n.alwaysNodes)),
      ("do_not_run", .bool(n.doNotRun)),
      ("elapsed", number(n.elapsed)),
      ("explanation", .string(n.explanation)),
      ("failure_nodes", ints(n.failureNodes)),
      ("finished", time(n.finished)),
      ("handled_failure", .bool(n.handledFailure)),
      ("id", int(n.id)),
      ("identifier", .string(n.identifier)),
      ("job_id", n.jobID.map(int) ?? .null),
      ("name", .string(n.name)),
      ("never_run_reason", Narrative.neverRunReason(n, in: s).map(JSONValue.string) ?? .null),
      ("on_critical_path", .bool(n.onCriticalPath)),
      ("started", time(n.started)),
      ("state", .string(n.state)),
      ("success_nodes", ints(n.successNodes)),
      ("template_id", n.templateID.map(int) ?? .null),
      ("template_name", n.templateName.map(JSONValue.string) ?? .null),
      ("type", .string(n.type.rawValue)),
      ("unhandled_failure", .bool(n.unhandledFailure)),
      ("url", n.jobID.flatMap { links.job(type: n.type, id: $0) }.map(JSONValue.string) ?? .null),
    ]
    if let d = n.failureDetail { members += failureMembers(d) }
    if let id = n.nestedWorkflowJobID, let child = s.nested[id] {
      var inner = run(child, links: links)
      inner.append(("schema", .string(schemaID)))
      members.append(("workflow", object(inner)))
    } else {
      members.append(("workflow", .null))
    }
    return object(members)
  }

  /// `failed_tasks`, `hosts` and the rest of a drill-down, for a node that has one.
  static func failureMembers(_ d: JobFailureDetail) -> [(key: String, value: JSONValue)] {
    func optional(_ s: String, censored: Bool) -> JSONValue {
      censored || s.isEmpty ? .null : .string(s)
    }
    let tasks = d.failedTasks.map { t -> JSONValue in
      object([
        ("action", .string(t.action)),
        ("censored", .bool(t.censored)),
        ("cmd", optional(t.cmd, censored: t.censored)),
        ("event", .string(t.event)),
        ("host", .string(t.host)),
        ("item", t.item.map(JSONValue.string) ?? .null),
        ("msg", optional(t.message, censored: t.censored)),
        ("path", .string(t.path)),
        ("play", .string(t.play)),
        ("rc", t.rc.map(int) ?? .null),
        ("stderr", optional(t.stderr, censored: t.censored)),
        ("stdout", optional(t.stdout, censored: t.censored)),
        ("task", .string(t.task)),
        ("unreachable", .bool(t.unreachable)),
      ])
    }
    let hosts = d.hosts.map { h -> JSONValue in
      object([
        ("changed", int(h.changed)), ("failures", int(h.failures)), ("host", .string(h.host)),
        ("ignored", int(h.ignored)), ("ok", int(h.ok)), ("rescued", int(h.rescued)),
        ("skipped", int(h.skipped)), ("unreachable", int(h.unreachable)),
      ])
    }
    return [
      ("events_possibly_incomplete", .bool(d.possiblyIncomplete)),
      ("failed_tasks", .array(tasks)),
      ("failed_tasks_not_fetched", int(d.moreFailedTasks)),
      ("hosts", .array(hosts)),
      ("output_tail", .array(d.outputTail.map(JSONValue.string))),
      ("output_too_large", d.outputTooLarge.map(JSONValue.string) ?? .null),
    ]
  }

  // MARK: Values

  /// An object with its members sorted by key.
  static func object(_ members: [(key: String, value: JSONValue)]) -> JSONValue {
    .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
  }

  static func int(_ v: Int) -> JSONValue { .number(String(v)) }

  static func ints(_ v: [Int]) -> JSONValue { .array(v.map(int)) }

  /// Seconds with at most three decimals (AWX's own precision), or null.
  static func number(_ v: Double?) -> JSONValue {
    guard let v, v.isFinite else { return .null }
    return .number(NumberFormat.decimal(v, places: 3))
  }

  static func time(_ t: Timestamp?) -> JSONValue {
    t.map { .string($0.iso8601) } ?? .null
  }

  /// `extra_vars` as JSON when it is a JSON object, else the text as AWX stored it (YAML).
  static func variables(_ text: String) -> JSONValue {
    if let value = try? JSONParser.parse(Array(text.utf8)), case .object = value {
      return sortedDeep(value)
    }
    return .string(text)
  }

  /// `value` with every object's keys sorted, at any depth.
  static func sortedDeep(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members): return object(members.map { ($0.key, sortedDeep($0.value)) })
    case .array(let items): return .array(items.map(sortedDeep))
    default: return value
    }
  }
}
