import AWXReportModel

/// Renders `junit.xml` for CI pipelines (GitLab, Jenkins, GitHub Actions readers): one flat
/// `<testsuite>` per workflow job (the run first, then each nested workflow, depth first in
/// node-id order, each once) with one `<testcase>` per workflow node.
///
/// The file validates against both Jenkins xUnit's `junit-10.xsd` and windyroad's `JUnit.xsd`
/// (Ant): `<testsuites>` without attributes, suites never nested, `package`, `id`, `hostname`
/// and a zone-less `timestamp` on every suite, children in the order `properties`, testcases,
/// `system-out`, `system-err`, at most one result element per testcase, `type` on every
/// `failure` and `error`, and times as decimals with three places.
///
/// Mapping of a node's AWX status: `failed` (denied and timed-out approvals too) gives
/// `<failure type="failed">`, `canceled` gives `<failure type="canceled">`, `error` gives
/// `<error type="error">`, a node whose template was deleted (AWX counts it as failed) gives
/// `<failure type="deleted">`; never-run, not-started, still-running, pending and
/// deleted-job nodes give `<skipped message="why"/>`. A failure an edge handles is still a
/// failure of its node: whether the workflow failed is in the suite's properties and
/// `system-out`. The message is repeated in the element text (GitLab shows only the text)
/// with the job's `job_explanation` and its AWX URL.
///
/// Free text passes through ``TextSafety/withoutANSI(_:)`` and ``Redaction/text(_:)`` and is
/// capped (``messageLimit``, ``nameLimit``); ``XMLEscaping`` drops what XML 1.0 forbids.
/// Same summary, same bytes.
package enum JUnitWriter {
  /// The most characters of a message, or of one free-text block in an element's text.
  package static let messageLimit = 4_000
  /// The most characters of a workflow job's or a node's name inside a suite or test name.
  package static let nameLimit = 200

  /// The whole `junit.xml`, ending with a newline.
  /// - Parameters:
  ///   - summary: The run, nested workflows included.
  ///   - host: The AWX base URL (`https://awx.example.com`): the suites' `hostname` and the
  ///     links into the AWX UI (left out when it is not an `http(s)` URL).
  package static func render(_ summary: RunSummary, host: String) -> String {
    let context = Context(links: AWXLinks(host: host), hostname: JUnitValues.hostname(from: host))
    let suites = suiteOrder(summary)
    var suiteNames: [Int: String] = [:]
    for suite in suites { suiteNames[suite.summary.job.id] = suiteName(suite.summary.job) }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
    for (index, suite) in suites.enumerated() {
      writeSuite(suite, id: index, suiteNames: suiteNames, context: context, into: &out)
    }
    out += "</testsuites>\n"
    return out
  }

  // MARK: - Suites

  private struct Context {
    let links: AWXLinks
    let hostname: String
  }

  /// What a suite's testcases look up, built once per suite.
  struct Lookup {
    let run: RunSummary
    /// Every suite's name, by workflow job id.
    let suiteNames: [Int: String]
    /// The run's nodes' names as written (cleaned and capped), by node id.
    let nodeNames: [Int: String]
    let links: AWXLinks

    init(run: RunSummary, suiteNames: [Int: String], links: AWXLinks) {
      self.run = run
      self.suiteNames = suiteNames
      self.links = links
      var names: [Int: String] = [:]
      for node in run.nodes where names[node.id] == nil {
        names[node.id] = JUnitValues.line(node.name, limit: JUnitWriter.nameLimit)
      }
      nodeNames = names
    }
  }

  /// One suite to write, and where its workflow job was launched from.
  struct SuiteEntry {
    var summary: RunSummary
    /// The workflow job and node that launched it (nil for the run itself).
    var parent: (workflowJobID: Int, nodeID: Int)?
  }

  /// The run, then its nested workflows: for each node (by id) that launched one, that
  /// workflow, then the ones it launched, depth first; each workflow job once.
  static func suiteOrder(_ summary: RunSummary) -> [SuiteEntry] {
    var result = [SuiteEntry(summary: summary, parent: nil)]
    var visited: Set<Int> = [summary.job.id]
    func walk(_ run: RunSummary) {
      for node in run.nodes.sorted(by: { $0.id < $1.id }) {
        guard let id = node.nestedWorkflowJobID, let child = run.nested[id],
          visited.insert(id).inserted
        else { continue }
        result.append(SuiteEntry(summary: child, parent: (run.job.id, node.id)))
        walk(child)
      }
    }
    walk(summary)
    return result
  }

  /// `workflow job 4711: Deploy stack`.
  static func suiteName(_ job: WorkflowJob) -> String {
    let name = JUnitValues.line(job.name, limit: nameLimit)
    return name.isEmpty ? "workflow job \(job.id)" : "workflow job \(job.id): \(name)"
  }

  private static func writeSuite(
    _ suite: SuiteEntry, id: Int, suiteNames: [Int: String], context: Context,
    into out: inout String
  ) {
    let run = suite.summary
    let job = run.job
    let classname = "workflow_job_\(job.id)"
    let nodes = run.nodes.sorted { $0.id < $1.id }
    let lookup = Lookup(run: run, suiteNames: suiteNames, links: context.links)
    let names = testNames(nodes, lookup: lookup)
    let cases = nodes.map { node in (node, outcome(of: node, lookup: lookup)) }
    var failures = 0
    var errors = 0
    var skipped = 0
    for (_, outcome) in cases {
      switch outcome {
      case .passed: break
      case .failure: failures += 1
      case .error: errors += 1
      case .skipped: skipped += 1
      }
    }
    var elapsed = job.elapsed
    if elapsed == nil || elapsed == 0, let s = job.started, let f = job.finished {
      elapsed = s.seconds(until: f)
    }

    out += "  <testsuite"
    attribute("name", suiteNames[job.id] ?? suiteName(job), into: &out)
    attribute("package", "awx.workflow_job.\(job.id)", into: &out)
    attribute("id", String(id), into: &out)
    attribute("timestamp", JUnitValues.timestamp(job.started ?? job.created), into: &out)
    attribute("hostname", context.hostname, into: &out)
    attribute("tests", String(cases.count), into: &out)
    attribute("failures", String(failures), into: &out)
    attribute("errors", String(errors), into: &out)
    attribute("skipped", String(skipped), into: &out)
    attribute("time", JUnitValues.seconds(elapsed), into: &out)
    out += ">\n"

    out += "    <properties>\n"
    for (name, value) in properties(suite, links: context.links) {
      out += "      <property"
      attribute("name", name, into: &out)
      attribute("value", value, into: &out)
      out += "/>\n"
    }
    out += "    </properties>\n"

    for ((node, outcome), name) in zip(cases, names) {
      out += "    <testcase"
      attribute("classname", classname, into: &out)
      attribute("name", name, into: &out)
      attribute("time", JUnitValues.seconds(node.elapsed), into: &out)
      switch outcome {
      case .passed:
        out += "/>\n"
        continue
      case .failure(let type, let message, let text), .error(let type, let message, let text):
        let element = if case .error = outcome { "error" } else { "failure" }
        out += ">\n      <\(element)"
        attribute("type", type, into: &out)
        attribute("message", message, into: &out)
        out += ">\(XMLEscaping.text(text))</\(element)>\n"
      case .skipped(let message):
        out += ">\n      <skipped"
        attribute("message", message, into: &out)
        out += "/>\n"
      }
      out += "    </testcase>\n"
    }

    let testNameByID = Dictionary(zip(nodes.map(\.id), names)) { first, _ in first }
    let text = systemOut(suite, testNames: testNameByID, links: context.links)
    out += "    <system-out>\(XMLEscaping.text(text))"
    out += "</system-out>\n"
    out += "    <system-err/>\n"
    out += "  </testsuite>\n"
  }

  private static func attribute(_ name: String, _ value: String, into out: inout String) {
    out += " \(name)=\"\(XMLEscaping.attribute(value))\""
  }

  /// The suite's properties, in a fixed order; optional ones only when known.
  private static func properties(_ suite: SuiteEntry, links: AWXLinks) -> [(String, String)] {
    let run = suite.summary
    let job = run.job
    var result: [(String, String)] = [
      ("awx.workflow_job.id", String(job.id)),
      ("awx.workflow_job.status", JUnitValues.line(job.status.rawValue, limit: nameLimit)),
      ("awx.verdict.status_by_rules", run.verdict.byRules.rawValue),
      ("awx.verdict.agrees_with_awx", run.verdict.agreesWithAWX ? "true" : "false"),
    ]
    if !run.verdict.unhandledFailures.isEmpty {
      let ids = run.verdict.unhandledFailures.map(String.init).joined(separator: ",")
      result.append(("awx.verdict.unhandled_failure_nodes", ids))
    }
    if let url = links.workflow(job.id) { result.append(("awx.url", url)) }
    let name = JUnitValues.line(job.name, limit: messageLimit)
    if !name.isEmpty { result.append(("awx.workflow_job.name", name)) }
    if let id = job.templateID { result.append(("awx.workflow_job_template.id", String(id))) }
    if let template = job.templateName.map({ JUnitValues.line($0, limit: messageLimit) }),
      !template.isEmpty
    {
      result.append(("awx.workflow_job_template.name", template))
    }
    if let parent = suite.parent {
      result.append(("awx.parent.workflow_job.id", String(parent.workflowJobID)))
      result.append(("awx.parent.node.id", String(parent.nodeID)))
    }
    return result
  }

  /// The verdict sentence, the unhandled failures, a disagreement with AWX, where a nested run
  /// was launched from, and the AWX URL.
  private static func systemOut(
    _ suite: SuiteEntry, testNames names: [Int: String], links: AWXLinks
  ) -> String {
    let run = suite.summary
    var lines = ["Verdict: " + JUnitValues.block(Narrative.verdict(run), limit: messageLimit)]
    let unhandled = run.verdict.unhandledFailures.map { names[$0] ?? "[node \($0)]" }
    if !unhandled.isEmpty {
      lines.append("Unhandled failures: " + listed(unhandled))
    }
    if !run.verdict.agreesWithAWX {
      lines.append(
        "Note: AWX's status is \(JUnitValues.line(run.job.status.rawValue, limit: nameLimit)) but "
          + "its rules give \(run.verdict.byRules.rawValue) from the nodes (a node may have "
          + "been changed after the run).")
    }
    if let parent = suite.parent {
      lines.append("Launched by node \(parent.nodeID) of workflow job \(parent.workflowJobID).")
    }
    if let url = links.workflow(run.job.id) { lines.append("AWX: " + url) }
    return lines.joined(separator: "\n")
  }

  // MARK: - Test cases

  /// A testcase's result.
  enum Outcome: Equatable {
    case passed
    case failure(type: String, message: String, text: String)
    case error(type: String, message: String, text: String)
    case skipped(message: String)
  }

  /// `[node 12] Configure hosts (job 5002)`, `[node 14] Smoke test`, one per node in order:
  /// unique within the suite (a repeated node id, possible only in a hand-built summary, gets
  /// ` #2`, ` #3`, …).
  static func testNames(_ nodes: [RunSummary.Node], lookup: Lookup) -> [String] {
    var result: [String] = []
    var used: Set<String> = []
    for node in nodes {
      var name = "[node \(node.id)]"
      if let label = lookup.nodeNames[node.id], !label.isEmpty { name += " " + label }
      if let job = jobLabel(node) { name += " (\(job))" }
      var unique = name
      var n = 2
      while !used.insert(unique).inserted {
        unique = "\(name) #\(n)"
        n += 1
      }
      result.append(unique)
    }
    return result
  }

  /// `job 5002`, `inventory_update 5003`, `workflow_approval 5010`; nil without a job.
  static func jobLabel(_ node: RunSummary.Node) -> String? {
    guard let id = node.jobID else { return nil }
    return "\(node.type == .unknown ? "job" : node.type.rawValue) \(id)"
  }

  /// What the node's AWX status makes of its testcase.
  static func outcome(of node: RunSummary.Node, lookup: Lookup) -> Outcome {
    let run = lookup.run
    let subject = jobLabel(node) ?? "node \(node.id)"
    switch node.state {
    case "successful":
      return .passed
    case "failed":
      let verb: String
      switch node.displayState {
      case .denied: verb = "was denied"
      case .timedOut: verb = "timed out"
      default: verb = "failed"
      }
      return failure(
        "failed", "\(subject) \(verb)", node, lookup)
    case "canceled":
      return failure(
        "canceled", "\(subject) was canceled", node, lookup)
    case "error":
      let (message, text) = details(
        "\(subject) ended with status error", node, lookup)
      return .error(type: "error", message: message, text: text)
    case "deleted" where node.displayState == .templateDeleted:
      return failure(
        "deleted",
        "node \(node.id) could not run: its template was deleted (AWX counts this as a failure)",
        node, lookup)
    case "deleted":
      return .skipped(message: "the job record was deleted; its outcome is unknown")
    case "never_run":
      let reason = Narrative.neverRunReason(node, in: run)
        .map { JUnitValues.line($0, limit: messageLimit) }
      return .skipped(
        message: "never run: " + (reason ?? "AWX marked it do-not-run"))
    case "not_started":
      if run.isFinished { return .skipped(message: "not started") }
      return .skipped(
        message: "not started yet: workflow job \(run.job.id) is still "
          + JUnitValues.line(run.job.status.rawValue, limit: nameLimit))
    case "running":
      return .skipped(message: "still running when this report was made")
    case "new", "pending", "waiting":
      if node.displayState == .awaitingApproval {
        return .skipped(message: "awaiting approval when this report was made")
      }
      return .skipped(
        message: "not started yet (AWX status \(node.state)) when this report was made")
    default:
      return .skipped(
        message: "no result: AWX status \"\(JUnitValues.line(node.state, limit: nameLimit))\" "
          + "is not one awx-report knows")
    }
  }

  private static func failure(
    _ type: String, _ summary: String, _ node: RunSummary.Node, _ lookup: Lookup
  ) -> Outcome {
    let (message, text) = details(summary, node, lookup)
    return .failure(type: type, message: message, text: text)
  }

  /// The message (the summary and AWX's explanation, one line) and the element text: the
  /// message, whether an edge handles the failure, the explanation when it has several lines,
  /// the nested workflow's suite, and the job's AWX URL.
  private static func details(_ summary: String, _ node: RunSummary.Node, _ lookup: Lookup)
    -> (message: String, text: String)
  {
    let run = lookup.run
    let explanation = JUnitValues.block(node.explanation, limit: messageLimit)
    let oneLine = JUnitValues.line(node.explanation, limit: messageLimit)
    let firstTask = node.failureDetail?.failedTasks.first.map {
      JUnitValues.line(FailureText.oneLine($0), limit: messageLimit)
    }
    let reason = oneLine.isEmpty ? (firstTask ?? "") : oneLine
    let message = TextSafety.truncated(
      reason.isEmpty ? summary : "\(summary): \(reason)", to: messageLimit)
    var lines = [message]
    if node.unhandledFailure {
      lines.append(
        "Unhandled: no failure or always path leaves node \(node.id), so AWX fails workflow "
          + "job \(run.job.id).")
    } else if node.handledFailure {
      let targets = (node.failureNodes + node.alwaysNodes).map { id in
        lookup.nodeNames[id].map { "'\($0)' (node \(id))" } ?? "node \(id)"
      }
      lines.append(
        "Handled: AWX goes on to " + listed(targets) + ", so this failure alone does not fail "
          + "workflow job \(run.job.id).")
    }
    if explanation != oneLine && !explanation.isEmpty {
      lines.append("job_explanation:\n" + explanation)
    }
    if let detail = node.failureDetail { lines += drillDownLines(detail) }
    if let nested = node.nestedWorkflowJobID, let suite = lookup.suiteNames[nested] {
      lines.append("Nested workflow: see testsuite \"\(suite)\".")
    }
    if let id = node.jobID, let url = lookup.links.job(type: node.type, id: id) {
      lines.append("AWX: " + url)
    }
    return (message, lines.joined(separator: "\n"))
  }

  /// The most failed tasks, and output lines, named in a failure's text.
  static let drillDownItems = 10

  /// The failed tasks (task, host, message, module, rc, file:line), the hosts that failed or
  /// were unreachable, and the output's last lines, for a node the fetch drilled into.
  static func drillDownLines(_ d: JobFailureDetail) -> [String] {
    var lines: [String] = []
    if d.possiblyIncomplete {
      lines.append("Events possibly incomplete: AWX was still processing them when fetched.")
    }
    if !d.failedTasks.isEmpty {
      lines.append("Failed tasks:")
      for t in d.failedTasks.prefix(drillDownItems) {
        var facts: [String] = []
        if !t.action.isEmpty { facts.append("module " + t.action) }
        if let rc = t.rc { facts.append("rc \(rc)") }
        if !t.path.isEmpty { facts.append(t.path) }
        let tail = facts.isEmpty ? "" : " (" + facts.joined(separator: ", ") + ")"
        lines.append("- " + JUnitValues.line(FailureText.oneLine(t) + tail, limit: messageLimit))
      }
      let more = d.failedTasks.count - drillDownItems + d.moreFailedTasks
      if more > 0 { lines.append("- and \(more) more") }
    }
    let failedHosts = d.hosts.filter(\.failed).map { h in
      JUnitValues.line(h.host, limit: nameLimit)
        + (h.unreachable > 0 ? " (unreachable)" : " (\(h.failures) failed)")
    }
    if !failedHosts.isEmpty { lines.append("Failed hosts: " + listed(failedHosts)) }
    if let tooLarge = d.outputTooLarge {
      lines.append("Output: " + JUnitValues.line(tooLarge, limit: messageLimit))
    } else if !d.outputTail.isEmpty {
      lines.append("Last lines of output:")
      lines += d.outputTail.suffix(drillDownItems).map {
        "  " + JUnitValues.line($0, limit: messageLimit)
      }
    }
    return lines
  }

  /// `a, b, c`, or the first five and "and N more".
  private static func listed(_ items: [String]) -> String {
    guard items.count > 5 else { return items.joined(separator: ", ") }
    return items.prefix(5).joined(separator: ", ") + " and \(items.count - 5) more"
  }
}
