import AWXReportJSON
import AWXReportModel

/// Writes `diff.json`: a ``RunDiff`` as data, in the shape `docs/diff.schema.json` describes.
/// Like `summary.json`: keys sorted at every level, numbers by ``NumberFormat``, so the same
/// pair of runs always gives the same bytes.
package enum DiffJSON {
  /// The value of the `schema` key.
  package static let schemaID = "awx-report/diff/1"

  /// Where one run came from.
  package struct Source: Sendable {
    /// What was named on the command line (a file or a job id).
    package var argument: String
    package var host: String
    package var fetchedAt: Timestamp
    package var snapshotSHA256: String

    package init(argument: String, host: String, fetchedAt: Timestamp, snapshotSHA256: String) {
      self.argument = argument
      self.host = host
      self.fetchedAt = fetchedAt
      self.snapshotSHA256 = snapshotSHA256
    }
  }

  /// The file's text (pretty-printed, ends with a newline).
  package static func render(_ diff: RunDiff, a: Source, b: Source, tool: String) -> String {
    var root = members(diff)
    root.append(("schema", .string(schemaID)))
    root.append(("tool", .string(tool)))
    root.append(("runs", object([("a", run(diff.a.shown, a)), ("b", run(diff.b.shown, b))])))
    return JSONWriter.write(object(root), style: .pretty)
  }

  static func run(_ s: RunSummary, _ source: Source) -> JSONValue {
    let j = s.job
    return object([
      ("elapsed", number(j.elapsed)),
      ("fetched_at", .string(source.fetchedAt.iso8601)),
      ("finished", time(j.finished)),
      ("host", .string(source.host)),
      ("id", int(j.id)),
      ("name", .string(j.name)),
      ("snapshot_sha256", .string(source.snapshotSHA256)),
      ("source", .string(source.argument)),
      ("started", time(j.started)),
      ("status", .string(j.status.rawValue)),
      ("template_id", j.templateID.map(int) ?? .null),
      ("template_name", j.templateName.map(JSONValue.string) ?? .null),
      ("verdict", .string(Narrative.verdict(s))),
    ])
  }

  /// The members of a diff (the top level, and each nested workflow's).
  static func members(_ d: RunDiff) -> [(key: String, value: JSONValue)] {
    let first: JSONValue = d.firstDivergence.map { divergence(d.nodes[$0], d) } ?? .null
    return [
      ("changed", .bool(d.hasChanges)),
      ("states_differ", .bool(d.statesDiffer)),
      ("same_template", .bool(d.sameTemplate)),
      (
        "verdict",
        object([
          ("a", .string(d.verdictA.rawValue)), ("b", .string(d.verdictB.rawValue)),
          ("a_explanation", .string(Narrative.verdict(d.a.shown))),
          ("b_explanation", .string(Narrative.verdict(d.b.shown))),
          ("changed", .bool(d.verdictChanged)),
        ])
      ),
      ("state_changes", .array(d.stateChanges.map { stateChange($0, d) })),
      ("first_divergence", first),
      (
        "durations",
        object([
          ("workflow", duration(d.workflowDuration)),
          ("critical_path", duration(d.criticalPath)),
          (
            "critical_path_nodes",
            object([
              ("a", .array(d.a.shown.criticalPath.compactMap { d.a.shown.node($0) }.map(ref))),
              ("b", .array(d.b.shown.criticalPath.compactMap { d.b.shown.node($0) }.map(ref))),
            ])
          ),
          (
            "nodes",
            .array(
              d.nodes.filter { ($0.delta ?? 0) != 0 }.map { n in
                object(
                  nodeRef(n) + [
                    ("a", number(n.a?.elapsed)), ("b", number(n.b?.elapsed)),
                    ("delta", number(n.delta)), ("ratio", number(n.ratio)),
                    ("flagged", .bool(n.durationFlagged)),
                  ])
              })
          ),
        ])
      ),
      (
        "launch",
        .array(
          d.launch.map { l in
            object([
              ("field", .string(l.field)), ("a", optional(l.a)), ("b", optional(l.b)),
            ])
          })
      ),
      ("extra_vars", .array(d.extraVars.map(variable))),
      ("graph", graph(d)),
      ("nodes", .array(d.nodes.map { node($0, d) })),
    ]
  }

  static func variable(_ v: RunDiff.VariableDiff) -> JSONValue {
    object([
      ("key", .string(v.key)), ("change", .string(v.change)), ("a", optional(v.a)),
      ("b", optional(v.b)), ("secret", .bool(v.secret)),
    ])
  }

  static func graph(_ d: RunDiff) -> JSONValue {
    func edge(_ e: RunDiff.EdgeDiff) -> JSONValue {
      object([
        ("from", .string(e.from)), ("to", .string(e.to)), ("from_name", .string(e.fromName)),
        ("to_name", .string(e.toName)), ("a", optional(e.a?.rawValue)),
        ("b", optional(e.b?.rawValue)),
      ])
    }
    func refs(_ which: String) -> JSONValue {
      .array(d.nodes.filter { $0.otherChanges.contains(which) }.map { object(nodeRef($0)) })
    }
    return object([
      ("nodes_added", .array(d.nodes.filter { $0.change == .added }.map { object(nodeRef($0)) })),
      (
        "nodes_removed",
        .array(d.nodes.filter { $0.change == .removed }.map { object(nodeRef($0)) })
      ),
      ("edges_added", .array(d.edges.filter { $0.a == nil }.map(edge))),
      ("edges_removed", .array(d.edges.filter { $0.b == nil }.map(edge))),
      ("edges_changed_type", .array(d.edges.filter { $0.a != nil && $0.b != nil }.map(edge))),
      (
        "convergence_changed",
        .array(
          d.nodes.filter { $0.otherChanges.contains("convergence") }.map { n in
            object(
              nodeRef(n) + [
                ("a", .string(mode(n.a))), ("b", .string(mode(n.b))),
              ])
          })
      ),
      ("type_changed", refs("type")),
      (
        "template_changed",
        .array(
          d.nodes.filter { $0.otherChanges.contains("template") }.map { n in
            object(
              nodeRef(n) + [
                ("a", optional(n.a.map(templateText))), ("b", optional(n.b.map(templateText))),
              ])
          })
      ),
    ])
  }

  static func mode(_ n: RunSummary.Node?) -> String {
    (n?.allParentsMustConverge ?? false) ? "all" : "any"
  }

  package static func templateText(_ n: RunSummary.Node) -> String {
    "\(n.templateName ?? "(no template)")\(n.templateID.map { " (id \($0))" } ?? "")"
  }

  static func stateChange(_ n: RunDiff.NodeDiff, _ d: RunDiff) -> JSONValue {
    object(
      nodeRef(n) + [
        ("a", .string(n.a?.state ?? "")), ("b", .string(n.b?.state ?? "")),
        ("a_display", .string(n.a?.displayState.rawValue ?? "")),
        ("b_display", .string(n.b?.displayState.rawValue ?? "")),
        (
          "a_never_run_reason",
          optional(n.a.flatMap { Narrative.neverRunReason($0, in: d.a.shown) })
        ),
        (
          "b_never_run_reason",
          optional(n.b.flatMap { Narrative.neverRunReason($0, in: d.b.shown) })
        ),
      ])
  }

  static func divergence(_ n: RunDiff.NodeDiff, _ d: RunDiff) -> JSONValue {
    func failure(_ x: RunSummary.Node?) -> JSONValue {
      guard let f = x?.failureDetail else { return .null }
      return object(SummaryJSON.failureMembers(f))
    }
    return object(
      nodeRef(n) + [
        ("change", .string(n.change.rawValue)),
        ("a", optional(n.a?.state)), ("b", optional(n.b?.state)),
        ("a_failure", failure(n.a)), ("b_failure", failure(n.b)),
        (
          "a_never_run_reason",
          optional(n.a.flatMap { Narrative.neverRunReason($0, in: d.a.shown) })
        ),
        (
          "b_never_run_reason",
          optional(n.b.flatMap { Narrative.neverRunReason($0, in: d.b.shown) })
        ),
      ])
  }

  static func node(_ n: RunDiff.NodeDiff, _ d: RunDiff) -> JSONValue {
    object(
      nodeRef(n) + [
        ("change", .string(n.change.rawValue)),
        ("matched_by", optional(n.matchedBy?.rawValue)),
        ("a_state", optional(n.a?.state)), ("b_state", optional(n.b?.state)),
        ("a_elapsed", number(n.a?.elapsed)), ("b_elapsed", number(n.b?.elapsed)),
        ("other_changes", .array(n.otherChanges.map(JSONValue.string))),
        ("inputs", .array(n.inputs.map(variable))),
        ("nested", n.nested.map { object(members($0)) } ?? .null),
      ])
  }

  /// Names a node on both sides.
  static func nodeRef(_ n: RunDiff.NodeDiff) -> [(key: String, value: JSONValue)] {
    [
      ("name", .string(n.name)), ("identifier", .string(n.identifier)),
      ("a_id", n.a.map { int($0.id) } ?? .null), ("b_id", n.b.map { int($0.id) } ?? .null),
    ]
  }

  static func ref(_ n: RunSummary.Node) -> JSONValue {
    object([("id", int(n.id)), ("name", .string(n.name))])
  }

  static func duration(_ x: RunDiff.Duration) -> JSONValue {
    object([
      ("a", number(x.a)), ("b", number(x.b)), ("delta", number(x.delta)),
      ("ratio", number(x.ratio)), ("flagged", .bool(x.flagged)),
    ])
  }

  // MARK: Values

  static func object(_ members: [(key: String, value: JSONValue)]) -> JSONValue {
    SummaryJSON.object(members)
  }
  static func int(_ v: Int) -> JSONValue { .number(String(v)) }
  static func number(_ v: Double?) -> JSONValue { SummaryJSON.number(v) }
  static func time(_ t: Timestamp?) -> JSONValue { t.map { .string($0.iso8601) } ?? .null }
  static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
}
