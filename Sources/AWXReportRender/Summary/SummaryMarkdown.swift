import AWXReportModel

/// `summary.md`: the run in GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY` or a GitLab
/// merge request comment.
///
/// What it holds, in order: a title with the status, the verdict (and a warning when the nodes
/// disagree with AWX's status), the job's facts and its AWX link, node counts by state, the
/// unhandled and handled failures, the nodes that never ran and why, the critical path,
/// approvals, nested workflows, and the graph as a Mermaid flowchart when it is small enough.
///
/// Whatever the workflow's size the text stays under ``byteLimit``: every list stops after
/// ``maxRows`` rows with an "… and N more" line, every AWX string is cut to a length, and a last
/// guard drops the graph and then cuts at a line boundary with a note. Same input, same bytes.
package enum SummaryMarkdown {
  /// The most bytes a summary takes: GitHub refuses a step summary over 1 MiB (1,048,576
  /// bytes), and this leaves room for a heading or two of the caller's own in the same step.
  package static let byteLimit = 1_000_000
  /// Rows per table or list before "… and N more".
  package static let maxRows = 50

  /// The summary of `summary`, linking to the AWX UI at `host` (only an `http(s)` host gives
  /// links).
  ///
  /// When the whole graph is too large for Mermaid, the summary draws the first of `focus`
  /// (``FocusGraph``s, widest first) that fits, as it is or with its plain chains shortened
  /// (``FocusGraph/compacted()``).
  package static func render(_ summary: RunSummary, host: String, focus: [FocusGraph] = [])
    -> String
  {
    render(summary, host: host, focus: focus, byteLimit: byteLimit)
  }

  /// ``render(_:host:focus:)`` with another size limit (tests use a small one).
  static func render(
    _ summary: RunSummary, host: String, focus: [FocusGraph] = [], byteLimit: Int
  ) -> String {
    let doc = Document(summary: summary, links: AWXLinks(host: host), focus: focus)
    var sections = doc.sections()
    var text = sections.joined(separator: "\n")
    if text.utf8.count > byteLimit,
      let g = sections.firstIndex(where: { $0.hasPrefix(graphHeading) })
    {
      sections[g] =
        graphHeading + "\n\nThe graph is left out to keep this summary under"
        + " \(MarkdownEscaping.grouped(byteLimit)) bytes. See graph.svg.\n"
      text = sections.joined(separator: "\n")
    }
    return text.utf8.count > byteLimit ? cut(text, to: byteLimit) : text
  }

  static let graphHeading = "### Graph"

  /// `text` cut at a line boundary so that it and a closing note fit in `limit` bytes; an open
  /// code fence is closed first.
  static func cut(_ text: String, to limit: Int) -> String {
    let note =
      "\n*This summary was cut here to stay under \(MarkdownEscaping.grouped(limit)) bytes"
      + " (GitHub accepts at most 1 MiB per step summary). The HTML report has everything.*\n"
    let fence = "```\n"
    let budget = limit - note.utf8.count - fence.utf8.count
    var out = ""
    var used = 0
    var inFence = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let n = line.utf8.count + 1
      if used + n > budget { break }
      out += line
      out += "\n"
      used += n
      if line.hasPrefix("```") { inFence.toggle() }
    }
    if inFence { out += fence }
    return out + note
  }
}

/// One rendering: the summary, its links, and its sections.
private struct Document {
  let summary: RunSummary
  let links: AWXLinks
  let focus: [FocusGraph]
  let byID: [Int: RunSummary.Node]
  let order: [RunSummary.Node]

  init(summary: RunSummary, links: AWXLinks, focus: [FocusGraph]) {
    self.summary = summary
    self.links = links
    self.focus = focus
    byID = Dictionary(summary.nodes.map { ($0.id, $0) }) { a, _ in a }
    order = summary.topologicalOrder.compactMap(summary.node)
  }

  func sections() -> [String] {
    [
      header(), counts(), unhandled(), handled(), failedTasks(), neverRun(), criticalPath(),
      approvals(),
      nestedRuns(), graph(),
    ].compactMap { $0 }
  }

  // MARK: - Text helpers

  /// AWX free text, redacted, one line, cut and escaped.
  func free(_ raw: String, _ limit: Int) -> String {
    MarkdownEscaping.text(Redaction.text(raw), limit: limit)
  }

  func name(_ id: Int, limit: Int = 80) -> String {
    free(byID[id]?.name ?? "node \(id)", limit)
  }

  func stateText(_ state: NodeState) -> String { "\(state.symbol) \(state.label)" }

  func jobLink(_ node: RunSummary.Node) -> String {
    guard let id = node.jobID else { return "—" }
    return MarkdownEscaping.link("job \(id)", links.job(type: node.type, id: id))
  }

  func elapsed(_ seconds: Double?) -> String {
    seconds.map { ElapsedFormat.short($0) } ?? "—"
  }

  /// A table of the first ``SummaryMarkdown/maxRows`` of `items`, with "… and N more" after
  /// it; rows are made only for the items shown.
  func table<T>(
    _ header: [String], align: [String]? = nil, _ items: [T], noun: String,
    row: (T) -> [String]
  ) -> String {
    var out = "| " + header.joined(separator: " | ") + " |\n"
    out += "| " + (align ?? header.map { _ in "---" }).joined(separator: " | ") + " |\n"
    for item in items.prefix(SummaryMarkdown.maxRows) {
      out += "| " + row(item).map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
    }
    if items.count > SummaryMarkdown.maxRows {
      out +=
        "\n… and \(MarkdownEscaping.grouped(items.count - SummaryMarkdown.maxRows)) more"
        + " \(noun).\n"
    }
    return out
  }

  /// Names joined with " → ", the middle left out past `limit` names.
  func chain(_ names: [String], limit: Int) -> String {
    ChainText.joined(names, keep: limit)
  }

  // MARK: - Sections

  func header() -> String {
    let job = summary.job
    let status = Palette.state(of: job.status)
    var out = "## \(status.symbol) Workflow job \(job.id) \"\(free(job.name, 120))\": "
    out += MarkdownEscaping.text(job.status.rawValue, limit: 40) + "\n\n"
    out += "**Verdict:** \(free(Narrative.verdict(summary), 500))\n"
    if !summary.verdict.agreesWithAWX {
      out +=
        "\n> **Warning:** AWX says the workflow is **"
        + MarkdownEscaping.text(job.status.rawValue, limit: 40)
        + "**, but AWX's rules applied to its nodes give **"
        + MarkdownEscaping.text(summary.verdict.byRules.rawValue, limit: 40)
        + "**. The data may be inconsistent, for example a node edited after the run.\n"
    }
    out += "\n"
    var facts: [String] = []
    let template = job.templateName.map { free($0, 120) } ?? "deleted or unknown"
    facts.append("**Template:** \(template)")
    var launched = job.launchedBy.map { free($0, 80) } ?? "unknown"
    if let type = job.launchedByType, !type.isEmpty { launched += " (\(free(type, 40)))" }
    facts.append("**Launched by:** \(launched) · **Launch type:** \(free(job.launchType, 40))")
    let notStarted = job.status.isTerminal ? "not recorded" : "not started"
    var times = "**Started:** " + (job.started?.display ?? notStarted)
    if let f = job.finished { times += " · **Finished:** \(f.display)" }
    let seconds =
      job.elapsed
      ?? {
        guard let s = job.started, let f = job.finished else { return nil }
        return s.seconds(until: f)
      }()
    if let e = seconds { times += " · **Elapsed:** \(ElapsedFormat.clock(e))" }
    facts.append(times)
    if let url = links.workflow(job.id) {
      facts.append("**AWX:** " + MarkdownEscaping.link("workflow job \(job.id)", url))
    }
    out += facts.map { "- \($0)" }.joined(separator: "\n") + "\n"
    return out
  }

  /// The order states are counted in; others follow alphabetically.
  static let countOrder = [
    "successful", "failed", "error", "canceled", "deleted", "running", "waiting", "pending", "new",
    "not_started", "never_run",
  ]

  /// The symbol of a state in AWX's words, when it is one this tool knows.
  static func symbol(awx state: String) -> String? {
    switch state {
    case "never_run": return NodeState.neverRun.symbol
    case "deleted": return NodeState.jobDeleted.symbol
    case "not_started": return NodeState.notRunYet.symbol
    default:
      let status = JobStatus(state)
      if case .other = status { return nil }
      return Palette.state(of: status).symbol
    }
  }

  func counts() -> String? {
    guard !summary.nodes.isEmpty else { return "### Nodes\n\nThis workflow job has no nodes.\n" }
    let known = Document.countOrder.filter { summary.counts[$0] != nil }
    let others = summary.counts.keys.filter { !Document.countOrder.contains($0) }.sorted()
    let states = Array((known + others).prefix(20))
    var header: [String] = []
    var row: [String] = []
    for s in states {
      let word = MarkdownEscaping.text(s, limit: 30)
      header.append(Document.symbol(awx: s).map { "\($0) \(word)" } ?? word)
      row.append(MarkdownEscaping.grouped(summary.counts[s] ?? 0))
    }
    header.append("total")
    row.append(MarkdownEscaping.grouped(summary.nodes.count))
    var out = "### Nodes\n\n"
    out += table(header, align: header.map { _ in "---:" }, [row], noun: "") { $0 }
    let nestedCount = MermaidWriter.nodeCount(summary) - summary.nodes.count
    if nestedCount > 0 {
      out += "\nNested workflows add \(Narrative.plural(nestedCount, "node")) (see below).\n"
    }
    return out
  }

  func unhandled() -> String? {
    let nodes = order.filter(\.unhandledFailure)
    guard !nodes.isEmpty else { return nil }
    let row = { (n: RunSummary.Node) -> [String] in
      var explanation = n.explanation
      if explanation.isEmpty && !summary.job.explanation.isEmpty {
        explanation = "workflow job: " + summary.job.explanation
      }
      let path = ["START"] + n.pathFromStart.map { name($0, limit: 40) }
      return [
        "**\(name(n.id))**", n.type.displayName, jobLink(n), stateText(n.displayState),
        explanation.isEmpty ? "—" : free(explanation, 300), chain(path, limit: 8),
      ]
    }
    return "### Unhandled failures\n\n"
      + "No failure or always edge leaves these nodes, so AWX fails the workflow for them.\n\n"
      + table(
        ["Node", "Type", "Job", "State", "Explanation", "Path from START"], nodes,
        noun: "unhandled failures", row: row)
  }

  func handled() -> String? {
    let nodes = order.filter(\.handledFailure)
    guard !nodes.isEmpty else { return nil }
    let row = { (n: RunSummary.Node) -> [String] in
      let handlers =
        n.failureNodes.map { (EdgeKind.failure, $0) } + n.alwaysNodes.map { (EdgeKind.always, $0) }
      var parts = handlers.prefix(5).map { kind, id -> String in
        let state = byID[id]?.displayState ?? .notRunYet
        return "\(kind.phrase) → \(name(id, limit: 40)) (\(stateText(state)))"
      }
      if handlers.count > 5 { parts.append("and \(handlers.count - 5) more") }
      return [
        "**\(name(n.id))**", n.type.displayName, jobLink(n), stateText(n.displayState),
        n.explanation.isEmpty ? "—" : free(n.explanation, 300), parts.joined(separator: "; "),
      ]
    }
    return "### Handled failures\n\n"
      + "These nodes failed, but an edge handles the failure, so AWX does not fail the"
      + " workflow for them.\n\n"
      + table(
        ["Node", "Type", "Job", "State", "Explanation", "Handled by"], nodes,
        noun: "handled failures", row: row)
  }

  /// The most output lines shown per failed job.
  static let outputLines = 10

  /// For each failed job the fetch drilled into (nested runs included): its failed tasks,
  /// unreachable hosts, the hosts that failed, and the last lines of its output.
  func failedTasks() -> String? {
    var parts: [String] = []
    for entry in runs() {
      for n in entry.run.topologicalOrder.compactMap(entry.run.node) {
        guard let d = n.failureDetail else { continue }
        let title = (entry.path + [n.name]).map { free($0, 80) }.joined(separator: " › ")
        var out = "#### \(title) (\(jobLink(n)))\n\n"
        if d.possiblyIncomplete {
          out +=
            "*AWX was still processing this job's events when they were fetched:"
            + " the list may be incomplete.*\n\n"
        }
        let tasks = d.taskFailures
        if !tasks.isEmpty {
          out += table(
            ["Host", "Task", "Module", "Message", "rc", "file:line"], tasks,
            noun: "failed tasks"
          ) { t in
            let message = t.censored ? FailureText.censored : t.message
            return [
              free(t.host, 60), free(t.task.isEmpty ? t.event : t.task, 80), free(t.action, 40),
              message.isEmpty ? "—" : free(message, 300), t.rc.map(String.init) ?? "—",
              free(t.path, 80),
            ]
          }
          out += "\n"
        }
        if d.moreFailedTasks > 0 {
          out +=
            "AWX has \(MarkdownEscaping.grouped(d.moreFailedTasks)) more failed events"
            + " than were fetched.\n\n"
        }
        if !d.unreachable.isEmpty {
          let hosts = d.unreachable.prefix(SummaryMarkdown.maxRows).map { t in
            "**\(free(t.host, 60))**" + (t.message.isEmpty ? "" : ": " + free(t.message, 200))
          }
          out += "Unreachable: " + hosts.joined(separator: "; ") + "\n\n"
        }
        let failedHosts = d.hosts.filter(\.failed)
        if !failedHosts.isEmpty {
          out +=
            "Hosts: "
            + failedHosts.prefix(SummaryMarkdown.maxRows).map { h in
              "\(free(h.host, 60)) (ok \(h.ok), changed \(h.changed), failed \(h.failures),"
                + " unreachable \(h.unreachable))"
            }.joined(separator: "; ") + " of \(d.hosts.count) hosts.\n\n"
        }
        if tasks.isEmpty && d.unreachable.isEmpty {
          out += "No failed task was recorded in the job's events.\n\n"
        }
        if let tooLarge = d.outputTooLarge {
          out += "Output: " + free(tooLarge, 300) + "\n\n"
        } else if !d.outputTail.isEmpty {
          out +=
            "<details><summary>Last lines of output</summary>\n\n"
            + Self.codeBlock(d.outputTail.suffix(Self.outputLines).map(Redaction.text))
            + "\n</details>\n\n"
        }
        parts.append(out)
      }
    }
    guard !parts.isEmpty else { return nil }
    return "### Why the failed jobs failed\n\n" + parts.joined()
  }

  /// Lines in a fenced code block whose fence is longer than any backtick run inside, each
  /// line cleaned of escape sequences and controls.
  static func codeBlock(_ lines: [String]) -> String {
    let clean = lines.map { MarkdownEscaping.oneLine($0) }
    var longest = 0
    for line in clean {
      var run = 0
      for c in line.utf8 {
        run = c == 0x60 ? run + 1 : 0
        longest = max(longest, run)
      }
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return fence + "text\n" + clean.joined(separator: "\n") + "\n" + fence + "\n"
  }

  func neverRun() -> String? {
    let nodes = order.filter { $0.displayState == .neverRun }
    guard !nodes.isEmpty else { return nil }
    return "### Never run\n\n"
      + table(["Node", "Type", "Why it never ran"], nodes, noun: "nodes that never ran") { n in
        [
          name(n.id), n.type.displayName,
          free(Narrative.neverRunReason(n, in: summary) ?? "", 300),
        ]
      }
  }

  func criticalPath() -> String? {
    guard !summary.criticalPath.isEmpty else { return nil }
    let names = summary.criticalPath.map { name($0, limit: 40) }
    var out = "### Critical path\n\n"
    out += Narrative.plural(names.count, "node")
    if let d = summary.criticalPathDuration { out += ", \(ElapsedFormat.clock(d))" }
    out += ": " + chain(names, limit: SummaryMarkdown.maxRows) + "\n"
    return out
  }

  /// Every run of the tree, each once: the top-level one, then nested ones depth first (by
  /// launching node id), with the names of the nodes that led there.
  func runs() -> [(path: [String], node: RunSummary.Node?, run: RunSummary)] {
    var out: [(path: [String], node: RunSummary.Node?, run: RunSummary)] = [([], nil, summary)]
    var visited: Set<Int> = [summary.job.id]
    func walk(_ run: RunSummary, _ path: [String]) {
      for node in run.nodes.sorted(by: { $0.id < $1.id }) {
        guard let id = node.nestedWorkflowJobID, let child = run.nested[id],
          !visited.contains(id)
        else { continue }
        visited.insert(id)
        let p = path + [node.name]
        out.append((p, node, child))
        walk(child, p)
      }
      for (id, child) in run.nested.sorted(by: { $0.key < $1.key }) where !visited.contains(id) {
        visited.insert(id)
        out.append((path, nil, child))
        walk(child, path)
      }
    }
    walk(summary, [])
    return out
  }

  func approvals() -> String? {
    var items: [(path: [String], node: RunSummary.Node)] = []
    for (path, _, run) in runs() {
      for n in run.nodes.sorted(by: { $0.id < $1.id })
      where n.type == .workflowApproval && n.jobID != nil {
        items.append((path + [n.name], n))
      }
    }
    guard !items.isEmpty else { return nil }
    return "### Approvals\n\n"
      + table(["Approval", "State", "Decided by", "Waited", "Job"], items, noun: "approvals") {
        path, n in
        let label = path.map { free($0, 40) }.joined(separator: " › ")
        var by = "—"
        if let who = n.decidedBy {
          by = free(who, 80)
        } else if n.displayState == .timedOut {
          by = "nobody (timed out)"
        } else if n.displayState == .awaitingApproval {
          by = "awaiting a decision"
        } else if n.displayState == .approved || n.displayState == .denied {
          by = "not recorded"
        }
        return [label, stateText(n.displayState), by, elapsed(n.elapsed), jobLink(n)]
      }
  }

  func nestedRuns() -> String? {
    let nested = Array(runs().dropFirst())
    guard !nested.isEmpty else { return nil }
    return "### Nested workflows\n\n"
      + table(
        ["Launched by node", "Workflow job", "Status", "Verdict", "Unhandled failures"], nested,
        noun: "nested workflows"
      ) { path, _, run in
        let status = Palette.state(of: run.job.status)
        var verdict = free(Narrative.verdict(run), 300)
        if !run.verdict.agreesWithAWX {
          verdict +=
            " (**warning:** AWX's rules give "
            + MarkdownEscaping.text(run.verdict.byRules.rawValue, limit: 40) + ")"
        }
        let failed = run.verdict.unhandledFailures
        let names = Dictionary(run.nodes.map { ($0.id, $0.name) }) { a, _ in a }
        var shown = failed.prefix(5).map { free(names[$0] ?? "node \($0)", 40) }
        if failed.count > 5 { shown.append("and \(failed.count - 5) more") }
        return [
          path.isEmpty ? "—" : path.map { free($0, 40) }.joined(separator: " › "),
          MarkdownEscaping.link("workflow job \(run.job.id)", links.workflow(run.job.id)) + " "
            + free(run.job.name, 80),
          "\(status.symbol) " + MarkdownEscaping.text(run.job.status.rawValue, limit: 40),
          verdict, shown.isEmpty ? "—" : shown.joined(separator: ", "),
        ]
      }
  }

  func graph() -> String {
    var out = SummaryMarkdown.graphHeading + "\n\n"
    var result = MermaidWriter.render(summary)
    var drawn: DisplayGraph?
    if case .leftOut(let why) = result, let widest = focus.first {
      result = .leftOut(
        why + " Even its failure focus (\(MarkdownEscaping.grouped(widest.shownCount)) nodes) is"
          + " too large for Mermaid. See focus.svg.")
      candidates: for (k, candidate) in focus.enumerated() {
        for shortened in [false, true] {
          let graph = shortened ? candidate.compacted() : candidate.graph
          guard case .diagram = MermaidWriter.render(graph) else { continue }
          out +=
            "The whole graph has \(MarkdownEscaping.grouped(candidate.totalCount)) nodes, more"
            + " than Mermaid draws (\(MermaidWriter.maxNodes)). This is its failure focus: the"
            + " \(MarkdownEscaping.grouped(candidate.shownCount)) nodes that explain the outcome"
            + (k == 0
              ? " (every failure with its path from START, the critical path, the handlers, and"
                + " what the failures cut off"
              : " (the failures no edge handled, with their paths from START, the critical path,"
                + " and what they cut off")
            + (shortened ? "; chains of nodes that simply succeeded are shortened to one box" : "")
            + "). The whole graph is graph.svg; the report's focus is focus.svg.\n\n"
          result = MermaidWriter.render(graph)
          drawn = graph
          break candidates
        }
      }
    }
    switch result {
    case .leftOut(let why):
      out += why + "\n"
    case .diagram(let text, _, _):
      out += "```mermaid\n" + text + "```\n\n"
      var states: Set<NodeState> = []
      var critical = false
      if let drawn {
        states.formUnion(drawn.nodes.compactMap(\.state))
        critical = drawn.nodes.contains(where: \.critical)
      } else {
        for (_, _, run) in runs() {
          states.formUnion(run.nodes.map(\.displayState))
          critical = critical || run.nodes.contains(where: \.onCriticalPath)
        }
      }
      let present = NodeState.allCases.filter(states.contains)
      out +=
        "Edges: green on success, red on failure, blue always; dashed when not followed in"
        + " this run."
      if critical { out += " Thick outline: critical path." }
      if !present.isEmpty {
        out += " Nodes: " + present.map(stateText).joined(separator: ", ") + "."
      }
      out += "\n"
    }
    return out
  }
}
