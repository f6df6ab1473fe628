import AWXReportModel
import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportRender

@Suite("summary.md (Markdown summary)")
struct SummaryMarkdownTests {
  static let host = "https://awx.example.com"

  func example() throws -> (tree: AnalyzedRun, summary: RunSummary, md: String) {
    let tree = try exampleTree()
    let summary = RunSummary(tree)
    let md = SummaryMarkdown.render(summary, host: Self.host)
    return (tree, summary, md)
  }

  // MARK: - The bundled example

  @Test("the example matches its golden file, byte for byte, every time")
  func golden() throws {
    let (_, summary, md) = try example()
    try assertGolden(md, named: "example.summary.md")
    #expect(md == SummaryMarkdown.render(summary, host: Self.host))
    #expect(md.hasSuffix("\n") && !md.hasSuffix("\n\n\n"))
  }

  @Test("title, verdict line, facts and the AWX link")
  func header() throws {
    let (_, _, md) = try example()
    let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "## ✘ Workflow job 4711 \"Deploy web platform\": failed")
    #expect(lines.contains("**Verdict:** failed: 1 unhandled failure"))
    #expect(!md.contains("**Warning:**"), "the example's analysis agrees with AWX")
    #expect(md.contains("- **Launched by:** alice (user) · **Launch type:** manual"))
    #expect(
      md.contains(
        "- **AWX:** [workflow job 4711](https://awx.example.com/#/jobs/workflow/4711/output)"))
  }

  @Test("counts by AWX state, with a total")
  func counts() throws {
    let (_, summary, md) = try example()
    #expect(md.contains("| ✔ successful | ✘ failed | – never\\_run | total |"))
    let row =
      "| \(summary.counts["successful"] ?? -1) | \(summary.counts["failed"] ?? -1) | \(summary.counts["never_run"] ?? -1) | 17 |"
    #expect(md.contains(row))
    #expect(md.contains("Nested workflows add 3 nodes"))
  }

  @Test("failure tables: the unhandled one with its path, the handled one with its handler")
  func failureTables() throws {
    let (_, summary, md) = try example()
    let lines = md.split(separator: "\n").map(String.init)
    let unhandled = try #require(lines.first { $0.hasPrefix("| **smoke-tests** |") })
    #expect(unhandled.contains("| playbook job |"))
    #expect(unhandled.contains("[job 9109](https://awx.example.com/#/jobs/playbook/9109/output)"))
    #expect(unhandled.contains("| ✘ failed |"))
    let path = try #require(summary.node(309)).pathFromStart.compactMap { summary.node($0)?.name }
    #expect(path.count >= 5 && path.last == "smoke-tests")
    #expect(unhandled.hasSuffix("| START → \(path.joined(separator: " → ")) |"))
    #expect(cellCount(unhandled) == 6)
    let handled = try #require(lines.first { $0.hasPrefix("| **migrate-db** |") })
    #expect(handled.contains("on failure → restore-db (✔ successful)"))
    #expect(cellCount(handled) == 6)
    // Each node is in the right table.
    let unhandledSection = try section(md, "### Unhandled failures")
    #expect(!unhandledSection.contains("migrate-db"))
    let handledSection = try section(md, "### Handled failures")
    #expect(!handledSection.contains("smoke-tests"))
  }

  @Test("never-run nodes with Narrative's reason")
  func neverRun() throws {
    let (_, summary, md) = try example()
    let text = try section(md, "### Never run")
    let never = summary.nodes.filter { $0.displayState == .neverRun }
    #expect(never.count == summary.counts["never_run"])
    for node in never {
      let reason = try #require(Narrative.neverRunReason(node, in: summary))
      let expected =
        "| \(MarkdownEscaping.text(node.name, limit: 80)) | \(node.type.displayName) | \(MarkdownEscaping.text(reason, limit: 300)) |"
      #expect(text.contains(expected), "\(expected)")
    }
    // The escaped name with <, > and & from the example.
    #expect(text.contains("announce &lt;release&gt; &amp; \"notify\""))
  }

  @Test("critical path, approvals (with who decided) and nested workflows")
  func pathApprovalsNested() throws {
    let (_, summary, md) = try example()
    let path = try section(md, "### Critical path")
    let names = summary.criticalPath.compactMap { summary.node($0)?.name }
    #expect(path.contains(names.joined(separator: " → ")))
    #expect(path.contains(ElapsedFormat.clock(try #require(summary.criticalPathDuration))))
    let approvals = try section(md, "### Approvals")
    #expect(approvals.contains("| approve-prod | ✔ approved | bob |"))
    // When AWX does not say who decided, the decider is said to be unknown, not invented.
    var anonymous = summary
    anonymous.nodes = anonymous.nodes.map { n in
      var n = n
      n.decidedBy = nil
      return n
    }
    let bare = SummaryMarkdown.render(anonymous, host: Self.host)
    #expect(
      try section(bare, "### Approvals").contains("| approve-prod | ✔ approved | not recorded |"))
    let nested = try section(md, "### Nested workflows")
    #expect(
      nested.contains(
        "| deploy-app | [workflow job 4712](https://awx.example.com/#/jobs/workflow/4712/output) Deploy application | ✔ successful | successful: every node that ran succeeded | — |"
      ))
  }

  @Test("the Mermaid graph: every node and edge, coloured by state and by edge kind")
  func mermaidExample() throws {
    let (tree, _, md) = try example()
    let block = try #require(mermaidBlock(md))
    #expect(structuralProblem(block) == nil, "\(structuralProblem(block) ?? "")")
    let display = DisplayGraph(tree)
    let nodeLines = block.filter { $0.contains("[\"") && !$0.contains("subgraph") }
    let edgeLines = block.filter { $0.contains(" --> ") }
    #expect(nodeLines.count == display.nodes.count)  // 20 nodes and 2 STARTs
    #expect(edgeLines.count == display.edges.count)
    #expect(block.filter { $0.contains("subgraph") }.count == 1)
    // n0 is START, then nodes 301…317 are n1…n17: 304 → 306 is on failure, 308 → 310 too.
    #expect(nodeLines.contains("  n4[\"✔ provision\"]"))
    #expect(nodeLines.contains("  n12[\"– announce #lt;release#gt; #amp; #quot;notify#quot;\"]"))
    let failureEdge = try #require(edgeLines.firstIndex(of: "  n4 --> n6"))
    let styles = block.filter { $0.hasPrefix("  linkStyle ") }
    let red = styles.filter { $0.contains("stroke:\(Palette.color(.failure))") }
    #expect(
      red.contains { line in
        line.split(separator: " ")[1].split(separator: ",").contains(Substring(String(failureEdge)))
      })
    #expect(block.contains("  classDef stFailed fill:#fbe9e8,stroke:#c9302c,color:#5a1412"))
    #expect(
      block.contains(
        "  classDef stNeverRun fill:#f3f3f3,stroke:#8a8d91,color:#45484c,stroke-dasharray:6 4"))
    #expect(
      block.contains { $0.hasPrefix("  class ") && $0.hasSuffix(" stFailed") && $0.contains("n9") })
    // Under Mermaid's limits.
    #expect(block.joined(separator: "\n").utf16.count < MermaidWriter.maxTextSize)
  }

  // MARK: - Size

  @Test("1,000 nodes with many failures: no graph, lists cut with \"and N more\", under 1 MiB")
  func thousandNodes() throws {
    let tree = try AnalyzedRun(bigRun(nodes: 1_000))
    let summary = RunSummary(tree)
    #expect(summary.verdict.unhandledFailures.count > SummaryMarkdown.maxRows)
    #expect(summary.verdict.handledFailures.count > SummaryMarkdown.maxRows)
    let md = SummaryMarkdown.render(summary, host: Self.host)
    #expect(!md.contains("```mermaid"))
    #expect(
      md.contains(
        "The graph has 1,000 nodes; Mermaid diagrams are left out above 100 nodes. See graph.svg."))
    let unhandled = summary.verdict.unhandledFailures.count - SummaryMarkdown.maxRows
    #expect(md.contains("… and \(MarkdownEscaping.grouped(unhandled)) more unhandled failures."))
    let handled = summary.verdict.handledFailures.count - SummaryMarkdown.maxRows
    #expect(md.contains("… and \(MarkdownEscaping.grouped(handled)) more handled failures."))
    #expect(md.contains("more nodes that never ran."))
    #expect(rows(in: try section(md, "### Unhandled failures")) == SummaryMarkdown.maxRows)
    #expect(md.utf8.count < 1_048_576)
    #expect(md.utf8.count <= SummaryMarkdown.byteLimit)
    #expect(!md.contains("This summary was cut"), "the caps alone keep it small")
  }

  @Test("10,000 nodes whose names and explanations escape to five times their size: under 1 MiB")
  func tenThousandNodes() throws {
    let worst = String(repeating: "&", count: 5_000)
    var run = bigRun(nodes: 10_000, name: { _ in worst })
    run.job.name = worst
    run.job.launchedBy = worst
    let summary = RunSummary(try AnalyzedRun(run))
    let md = SummaryMarkdown.render(summary, host: Self.host)
    #expect(md.utf8.count < 1_048_576)
    #expect(md.contains("The graph has 10,000 nodes"))
    #expect(md.contains("… and "))
    #expect(!md.contains("This summary was cut"), "the caps alone keep it small")
  }

  @Test("a small but dense graph is left out past Mermaid's 500 edges")
  func tooManyEdges() throws {
    let nodes = (1...40).map { i in
      WorkflowNode(
        id: i, identifier: "n\(i)", templateID: i, jobID: 1_000 + i,
        job: ChildJob(id: 1_000 + i, type: .job, name: "j", status: .successful),
        successNodes: Array((i + 1)..<41))
    }
    let run = WorkflowRun(job: WorkflowJob(id: 1, name: "dense", status: .successful), nodes: nodes)
    let md = SummaryMarkdown.render(RunSummary(try AnalyzedRun(run)), host: Self.host)
    #expect(!md.contains("```mermaid"))
    #expect(md.contains("The graph has 781 edges; Mermaid draws at most 500. See graph.svg."))
  }

  @Test("the last guard: the graph goes first, then the text is cut at a line with a note")
  func hardGuard() throws {
    let (_, summary, full) = try example()
    let graph = try section(full, "### Graph")
    // Just too small for the graph: it is replaced by a sentence, the rest stays.
    let limit = full.utf8.count - graph.utf8.count / 2
    let noGraph = SummaryMarkdown.render(summary, host: Self.host, byteLimit: limit)
    #expect(noGraph.utf8.count <= limit)
    #expect(!noGraph.contains("```mermaid"))
    #expect(noGraph.contains("The graph is left out to keep this summary under"))
    #expect(noGraph.contains("### Nested workflows"))
    // Far too small: cut at a line boundary, fences balanced, the note last.
    for limit in [500, 1_000, 1_500] {
      let cut = SummaryMarkdown.render(summary, host: Self.host, byteLimit: limit)
      #expect(cut.utf8.count <= limit)
      #expect(cut.hasSuffix("The HTML report has everything.*\n"))
      let note = try #require(cut.range(of: "\n*This summary was cut"))
      #expect(full.hasPrefix(String(cut[..<note.lowerBound])))
    }
    // A cut inside the Mermaid block closes the fence.
    let inFence = SummaryMarkdown.cut(full, to: full.utf8.count - 200)
    #expect(inFence.components(separatedBy: "```").count % 2 == 1)
  }

  // MARK: - Hostile data

  @Test("hostile names and explanations: no HTML, no javascript: links, a well-formed graph")
  func hostile() throws {
    let run = hostileMarkdownRun()
    let tree = try AnalyzedRun(run)
    var summary = RunSummary(tree)
    summary.nodes = summary.nodes.map { n in
      var n = n
      if n.jobID == 12 { n.decidedBy = evilName }
      return n
    }
    for host in [
      "https://awx.example.com/\"><script>", "javascript:alert(1)//", "https://awx.example.com",
    ] {
      let md = SummaryMarkdown.render(summary, host: host)
      #expect(!md.lowercased().contains("<script"))
      #expect(!md.lowercased().contains("<img"))
      #expect(!md.contains("<b>"))
      #expect(!md.lowercased().contains("](javascript:"))
      #expect(!md.contains("](data:"))
      for u in md.unicodeScalars where u != "\n" {
        #expect(
          u.value >= 0x20 && !(0x7F...0x9F).contains(u.value),
          "control U+\(String(u.value, radix: 16))")
        #expect(!TextSafety.isInvisibleControl(u))
        #expect(!u.properties.isNoncharacterCodePoint)
      }
      #expect(!md.contains("[31m"), "ANSI escapes are removed whole")
      #expect(!md.contains("@all"), "no mention survives")
      #expect(!md.contains("https://evil"), "no name becomes a link")
      #expect(!md.lowercased().contains("www.evil"))
      // Every link goes to the AWX host, and only when the host is a clean http(s) URL.
      for dest in linkDestinations(md) {
        #expect(
          host == "https://awx.example.com" && dest.hasPrefix("https://awx.example.com/#/"),
          "\(dest)")
      }
      // Table rows keep their column count whatever the names hold.
      for line in md.split(separator: "\n") where line.hasPrefix("| **") {
        #expect(cellCount(String(line)) == 6, "\(line)")
      }
      let block = try #require(mermaidBlock(md))
      #expect(structuralProblem(block) == nil, "\(structuralProblem(block) ?? "")")
      #expect(!block.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("click") })
      #expect(block.filter { $0.contains(" --> ") }.count == DisplayGraph(tree).edges.count)
      // The text is there, just inert.
      #expect(md.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"))
      #expect(block.contains { $0.contains("#quot;#93;#59; click n1 call alert#40;#41;") })
      #expect(block.contains { $0.contains("#124; #93; --#gt; x") })
    }
  }

  @Test("escaping, piece by piece")
  func escaping() {
    #expect(MarkdownEscaping.text("a|b\\c") == "a\\|b\\\\c")
    #expect(
      MarkdownEscaping.text("*x* _y_ `z` [l](u) ~s~ # $m$")
        == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\]\\(u\\) \\~s\\~ \\# \\$m\\$")
    #expect(
      MarkdownEscaping.text("<img src=x onerror=alert(1)> &amp;")
        == "&lt;img src=x onerror=alert\\(1\\)&gt; &amp;amp;")
    #expect(MarkdownEscaping.text("line\n\n  two\r\nthree\t") == "line two three")
    #expect(
      MarkdownEscaping.text(
        "\u{1B}[1;31mred\u{1B}[0m \u{1B}]8;;http://x\u{07}osc\u{1B}]8;;\u{1B}\\ \u{9B}2Kc1")
        == "red osc c1")
    #expect(MarkdownEscaping.text("\u{202E}evil\u{202C}\u{0}\u{FFFE}\u{7}") == "evil")
    #expect(MarkdownEscaping.text(String(repeating: "x", count: 500), limit: 10) == "xxxxxxxxx…")
    #expect(MarkdownEscaping.text("@all ping a@b") == "@\u{200B}all ping a@\u{200B}b")
    #expect(
      MarkdownEscaping.text("see https://evil.example and www.evil.example")
        == "see https:\u{200B}//evil.example and www\u{200B}.evil.example")
    #expect(MarkdownEscaping.url("javascript:alert(1)") == nil)
    #expect(MarkdownEscaping.url("data:text/html,x") == nil)
    #expect(MarkdownEscaping.url("https://h/a b(c)|d\"<>") == "https://h/a%20b%28c%29%7Cd%22%3C%3E")
    #expect(MarkdownEscaping.link("job 1", "javascript:x") == "job 1")
    #expect(
      MarkdownEscaping.mermaidLabel("\"]; click n1 call alert()")
        == "#quot;#93;#59; click n1 call alert#40;#41;")
    #expect(MarkdownEscaping.mermaidLabel("| ] --> x") == "#124; #93; --#gt; x")
    #expect(
      MarkdownEscaping.mermaidLabel("a&b <i> {c} `d` #e: 100%\\")
        == "a#amp;b #lt;i#gt; #123;c#125; #96;d#96; #35;e#58; 100#37;#92;")
    #expect(MarkdownEscaping.mermaidLabel("\u{7}") == "#160;")
    #expect(MarkdownEscaping.grouped(1_234_567) == "1,234,567")
    #expect(MarkdownEscaping.grouped(999) == "999")
  }

  @Test("a running workflow, and one whose nodes disagree with AWX's status")
  func runningAndDisagreeing() throws {
    let job = WorkflowJob(id: 5, name: "wf", status: .successful, launchedBy: "carol")
    let nodes = [
      WorkflowNode(
        id: 1, identifier: "a", templateID: 1, jobID: 10,
        job: ChildJob(id: 10, type: .job, name: "a", status: .failed, explanation: "boom"))
    ]
    let summary = RunSummary(try AnalyzedRun(WorkflowRun(job: job, nodes: nodes)))
    #expect(!summary.verdict.agreesWithAWX)
    let md = SummaryMarkdown.render(summary, host: "")
    #expect(
      md.contains(
        "> **Warning:** AWX says the workflow is **successful**, but AWX's rules applied to its nodes give **failed**."
      ))
    #expect(!md.contains("]("), "no host, no links")
    #expect(md.contains("| **a** | playbook job | job 10 | ✘ failed | boom | START → a |"))

    var running = job
    running.status = .running
    let md2 = SummaryMarkdown.render(
      RunSummary(try AnalyzedRun(WorkflowRun(job: running, nodes: nodes))), host: Self.host)
    #expect(md2.hasPrefix("## ▶ Workflow job 5 \"wf\": running\n"))
  }

  @Test("SUMMARY_MD_DUMP=DIR writes the example, hostile and 1,000-node summaries for a look")
  func dump() throws {
    guard let dir = ProcessInfo.processInfo.environment["SUMMARY_MD_DUMP"] else { return }
    let url = URL(fileURLWithPath: dir)
    try Data(try example().md.utf8).write(to: url.appendingPathComponent("example.summary.md"))
    let hostile = RunSummary(try AnalyzedRun(hostileMarkdownRun()))
    try Data(SummaryMarkdown.render(hostile, host: Self.host).utf8).write(
      to: url.appendingPathComponent("hostile.summary.md"))
    let big = RunSummary(try AnalyzedRun(bigRun(nodes: 1_000)))
    try Data(SummaryMarkdown.render(big, host: Self.host).utf8).write(
      to: url.appendingPathComponent("big.summary.md"))
  }

  // MARK: - Helpers

  /// The section starting at `heading`, up to the next `### ` heading.
  func section(_ md: String, _ heading: String) throws -> String {
    let start = try #require(md.range(of: "\n" + heading + "\n"), "no \(heading)")
    let rest = md[start.upperBound...]
    let end = rest.range(of: "\n### ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }

  /// Data rows of the first table in `text`.
  func rows(in text: String) -> Int {
    text.split(separator: "\n").filter { $0.hasPrefix("| ") }.count - 2  // header, separator
  }

  /// Cells in a table row: unescaped pipes (not after an odd run of backslashes) minus one.
  func cellCount(_ row: String) -> Int {
    var pipes = 0
    var backslashes = 0
    for c in row {
      if c == "|" && backslashes % 2 == 0 { pipes += 1 }
      backslashes = c == "\\" ? backslashes + 1 : 0
    }
    return pipes - 1
  }

  /// The lines inside the first ```mermaid fence.
  func mermaidBlock(_ md: String) -> [String]? {
    let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let open = lines.firstIndex(of: "```mermaid"),
      let close = lines[(open + 1)...].firstIndex(of: "```")
    else { return nil }
    return Array(lines[(open + 1)..<close])
  }

  /// The first line of `block` that is not one of the forms MermaidWriter may write.
  func structuralProblem(_ block: [String]) -> String? {
    let label = #""[^"\[\]`<>|{}]*""#
    let forms = [
      #"flowchart TD"#,
      #"\s*n\d+\["# + label + #"\]"#,
      #"\s*n\d+ --> n\d+"#,
      #"\s*subgraph w\d+\["# + label + #"\]"#,
      #"\s*end"#,
      #"  classDef [A-Za-z]+ [a-z\-]+:[#0-9a-z. ]+(,[a-z\-]+:[#0-9a-z. ]+)*"#,
      #"  class n\d+(,n\d+)* [A-Za-z]+"#,
      #"  linkStyle \d+(,\d+)* [a-z\-]+:[#0-9a-z. ]+(,[a-z\-]+:[#0-9a-z. ]+)*"#,
    ].map { try! Regex("^" + $0 + "$") }
    guard block.first == "flowchart TD" else { return "no header" }
    var depth = 0
    for line in block {
      guard forms.contains(where: { line.wholeMatch(of: $0) != nil }) else { return line }
      if line.contains("subgraph ") { depth += 1 }
      if line.trimmingCharacters(in: .whitespaces) == "end" { depth -= 1 }
      if depth < 0 { return "unbalanced end" }
    }
    return depth == 0 ? nil : "unclosed subgraph"
  }

  /// Destinations of inline links `](…)`.
  func linkDestinations(_ md: String) -> [String] {
    var out: [String] = []
    var rest = md[...]
    while let r = rest.range(of: "](") {
      let after = rest[r.upperBound...]
      let end = after.firstIndex(of: ")") ?? after.endIndex
      out.append(String(after[..<end]))
      rest = after[end...]
    }
    return out
  }
}

let evilName =
  "x\" ] <b>&amp;</b> \u{202E}evil\u{202C} <script>alert(1)</script><img src=x onerror=alert(1)>"
  + " [click](javascript:alert(1)) @all https://evil.example WWW.evil.example\n## heading\u{1B}[31m red\u{1B}[0m"
  + "\u{0}\u{FFFE}\u{85}"

/// `hostileRun()` with more hostile nodes: Mermaid syntax in names, ANSI escapes, an approval.
func hostileMarkdownRun() -> WorkflowRun {
  var run = hostileRun()
  run.job.launchedBy = evilName
  run.job.templateName = evilName
  run.job.launchType = evilName
  run.nodes[0].job?.explanation = evilName
  run.nodes[2].alwaysNodes = [4, 5]
  run.nodes += [
    WorkflowNode(
      id: 4, identifier: "| ] --> x", templateID: 4, jobID: 12,
      job: ChildJob(id: 12, type: .workflowApproval, name: "ok?", status: .successful),
      failureNodes: [6]),
    WorkflowNode(
      id: 5, identifier: "\"]; click n1 call alert()", templateID: 5, jobID: 13,
      job: ChildJob(id: 13, type: .job, name: evilName, status: .error, explanation: evilName)),
    WorkflowNode(
      id: 6, identifier: "`\n```\n%%{init: {}}%%\nclick n1 href \"javascript:x\"", templateID: 6,
      doNotRun: true),
  ]
  return WorkflowRun(job: run.job, nodes: run.nodes)
}

/// A failed workflow of `nodes` nodes: a binary tree whose inner nodes succeed, fail with a
/// failure and an always edge (handled) or fail with success edges only (unhandled); leaves fail
/// every third; what a failed node's success edges lead to never runs. Explanations are long
/// and hostile. At 1,000 nodes: 130 handled, 140 unhandled, 242 never run.
func bigRun(nodes n: Int, name: (Int) -> String = { "node-\($0) <\($0)> | [x]" }) -> WorkflowRun {
  let explanation = String(repeating: "<b>x</b> | ", count: 60)
  var ran = Set<Int>([1])
  var nodes: [WorkflowNode] = []
  for i in 1...n {
    let kids = [2 * i, 2 * i + 1].filter { $0 <= n }
    let leaf = kids.isEmpty
    let handled = !leaf && i % 3 == 1
    let failed = leaf ? i % 3 == 0 : handled || i % 11 == 0
    var node = WorkflowNode(
      id: i, identifier: name(i), templateID: i, jobType: .job)
    if handled {
      node.failureNodes = [kids[0]]
      node.alwaysNodes = Array(kids.dropFirst())
    } else {
      node.successNodes = kids
    }
    if ran.contains(i) {
      node.jobID = 100_000 + i
      node.job = ChildJob(
        id: 100_000 + i, type: .job, name: "job \(i)", status: failed ? .failed : .successful,
        elapsed: Double(i % 50), explanation: failed ? explanation : "")
      for k in (failed ? node.failureNodes : node.successNodes) + node.alwaysNodes {
        ran.insert(k)
      }
    } else {
      node.doNotRun = true
    }
    nodes.append(node)
  }
  return WorkflowRun(
    job: WorkflowJob(id: 9_000, name: "big", status: .failed, explanation: explanation),
    nodes: nodes)
}
