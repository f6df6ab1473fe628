import AWXReportJSON
import AWXReportTestSupport
import AWXReportValidate
import Foundation
import Testing

/// A large run's report: the failure focus (focus.svg, first in the page, in summary.md), its
/// links into the node table, and graphs that never shrink below a legible size.
@Suite(.serialized) struct LargeRunTests {
  /// The generated 1,000-node run (Benchmarks/make_large_snapshot.py), rendered once.
  static let large: Result<(dir: URL, files: [String: Data]), any Error> = Result {
    let dir = try temporaryDirectory(prefix: "awx-report-large")
    let snapshot = dir.appendingPathComponent("large.snapshot.json")
    let (status, output) = try CIOutputTests.shell([
      "python3", repoRoot.appendingPathComponent("Benchmarks/make_large_snapshot.py").path,
      "1000", snapshot.path,
    ])
    guard status == 0 else { throw CLIError(message: "make_large_snapshot.py: \(output)") }
    let out = dir.appendingPathComponent("out")
    let r = try awxReport(["render", snapshot.path, "--out", out.path, "-q"])
    guard r.status == 0 else { throw CLIError(message: r.stderr) }
    return (out, tree(out))
  }

  struct CLIError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  func text(_ files: [String: Data], _ name: String) throws -> String {
    String(
      decoding: try #require(files["workflow-job-4711/\(name)"], "no \(name)"), as: UTF8.self)
  }

  @Test func focusSVGIsWrittenValidAndShowsEveryFailure() throws {
    let (_, files) = try Self.large.get()
    let focus = try text(files, "focus.svg")
    let report = SVGValidator(options: .init(strict: false)).validate(
      Array(focus.utf8), fileName: "focus.svg")
    #expect(report.isValid, "\(report.errors.prefix(3))")
    // Every node summary.json calls failed, error or canceled is drawn in the focus, in the
    // file and in the page.
    let summary = try JSONParser.parse(Array(try text(files, "summary.json").utf8))
    let page = try text(files, "report.html")
    var failures = 0
    for node in summary["nodes"]?.array ?? [] {
      guard let id = node["id"]?.int, let state = node["state"]?.string,
        ["failed", "error", "canceled"].contains(state)
      else { continue }
      failures += 1
      #expect(focus.contains("<g id=\"focus-node-\(id)\" "), "node \(id) not in focus.svg")
      #expect(page.contains("<g id=\"focus-node-\(id)\" "), "node \(id) not in the page's focus")
    }
    #expect(failures > 10)
    // The focus is much smaller than the whole graph.
    let drawn = focus.components(separatedBy: "class=\"node ").count - 1
    let whole = try text(files, "graph.svg").components(separatedBy: "class=\"node ").count - 1
    #expect(drawn > failures && drawn * 3 < whole, "focus \(drawn) of \(whole)")
    // The standalone file links nowhere (the validator allows no link out of an SVG).
    #expect(!focus.contains("xlink:href"))
  }

  @Test func theFocusComesFirstAndEveryNodeLinksToItsRow() throws {
    let (_, files) = try Self.large.get()
    let page = try text(files, "report.html")
    let focusAt = try #require(page.range(of: "<svg role=\"img\" aria-label=\"Failure focus"))
    let graphAt = try #require(page.range(of: "<svg role=\"img\" aria-label=\"Graph of workflow"))
    #expect(focusAt.lowerBound < graphAt.lowerBound)
    // The whole graph waits, closed, below the focus.
    let details = try #require(page.range(of: "<details class=\"whole-graph\">"))
    #expect(details.lowerBound > focusAt.lowerBound && details.lowerBound < graphAt.lowerBound)
    // Every link in the page's focus drawing lands on an element of the page.
    let ids = Set(
      page.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
    let links = page.components(separatedBy: "xlink:href=\"#").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
    #expect(links.count > 50)
    for target in Set(links) { #expect(ids.contains(target), "link to #\(target) goes nowhere") }
    #expect(links.filter { $0.hasPrefix("row-") }.count > 50)
    // So does every other link within the page (the summary's failure links, the contents).
    for target in Set(
      page.components(separatedBy: "href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) })
    {
      #expect(ids.contains(target), "link to #\(target) goes nowhere")
    }
  }

  @Test func summaryMarkdownDrawsTheFocus() throws {
    let (_, files) = try Self.large.get()
    let md = try text(files, "summary.md")
    #expect(md.contains("This is its failure focus"))
    let mermaid = try #require(md.range(of: "```mermaid\n"))
    let end = try #require(md[mermaid.upperBound...].range(of: "```"))
    let diagram = md[mermaid.upperBound..<end.lowerBound]
    let nodes = diagram.split(separator: "\n").filter {
      $0.trimmingCharacters(in: .whitespaces).hasPrefix("n") && $0.contains("[\"")
    }
    #expect(nodes.count > 10 && nodes.count <= 101)
  }

  /// The rendered-size check: every inline graph carries a min-width at which its node names
  /// (11 user units) render at 9 CSS px or more, and no screen rule of the stylesheet undoes
  /// it.
  @Test(arguments: ["large", "example"])
  func noInlineGraphShrinksBelowLegibleNames(run: String) throws {
    let page: String
    if run == "large" {
      page = try text(try Self.large.get().files, "report.html")
    } else {
      let dir = try temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: dir) }
      let r = try awxReport(["render", examplePath, "--out", dir.path, "-q"])
      try #require(r.status == 0, "\(r.stderr)")
      let files = tree(dir)
      page = try text(files, "report.html")
      #expect(files["workflow-job-4711/focus.svg"] == nil, "a small run has no focus")
      #expect(!page.contains("failure focus"))
    }
    let figures = page.components(separatedBy: "<figure class=\"drawing graph").dropFirst()
    #expect(figures.count == (run == "large" ? 2 : 1))
    for figure in figures {
      let tag = try #require(figure.range(of: "<svg ")).lowerBound
      let open = figure[tag...].prefix { $0 != ">" }
      let viewBox = try #require(open.range(of: " viewBox=\"0 0 "))
      let width = try #require(Double(open[viewBox.upperBound...].prefix { $0 != " " }))
      let style = try #require(open.range(of: "style=\"min-width:"))
      let minimum = try #require(Double(open[style.upperBound...].prefix { $0.isNumber }))
      let namePx = 11 * minimum / width
      #expect(namePx >= 9, "names at \(namePx) px in a \(width)-unit drawing")
      #expect(namePx < 9.2, "the minimum is not needlessly large")
    }
    // The stylesheet: outside print, nothing resets a graph's min-width or fixes its width.
    let css = try #require(page.components(separatedBy: "<style>").dropFirst().first)
    var screen = Substring(css.components(separatedBy: "@media print").first ?? "")
    // Without comments.
    var plain = ""
    while let open = screen.range(of: "/*") {
      plain += screen[..<open.lowerBound]
      guard let close = screen[open.upperBound...].range(of: "*/") else { break }
      screen = screen[close.upperBound...]
    }
    plain += screen
    for rule in plain.components(separatedBy: "}") where rule.contains("graph") {
      #expect(!rule.contains("min-width"), "\(rule)")
      #expect(!rule.contains(" width:"), "\(rule)")
    }
  }

  /// Golden pages of a generated 90-node run (two unhandled failures and a handled one): the
  /// smallest run that is large, so every large-run feature shows in files a reviewer can read.
  @Test func goldenPagesOfALargeRun() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let snapshot = dir.appendingPathComponent("s.json")
    let (status, output) = try CIOutputTests.shell([
      "python3", repoRoot.appendingPathComponent("Benchmarks/make_large_snapshot.py").path, "90",
      snapshot.path,
    ])
    try #require(status == 0, "\(output)")
    let out = dir.appendingPathComponent("out")
    let r = try awxReport(["render", snapshot.path, "--out", out.path, "-q"])
    try #require(r.status == 0, "\(r.stderr)")
    let files = tree(out)
    for name in ["report.html", "focus.svg", "summary.md"] {
      try assertGolden(try text(files, name), named: "large-90.\(name)")
    }
  }

  @Test(arguments: [("svg", true, false), ("html", false, true)])
  func formatsChooseTheFocusFileAndThePage(formats: String, file: Bool, page: Bool) throws {
    let (dir, _) = try Self.large.get()
    let snapshot = try #require(
      FileManager.default.contents(
        atPath: dir.appendingPathComponent("workflow-job-4711/snapshot.json").path))
    let work = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: work) }
    let input = work.appendingPathComponent("s.json")
    try snapshot.write(to: input)
    let out = work.appendingPathComponent("out")
    let r = try awxReport(["render", input.path, "--out", out.path, "-q", "--formats", formats])
    try #require(r.status == 0, "\(r.stderr)")
    let files = tree(out)
    #expect((files["workflow-job-4711/focus.svg"] != nil) == file)
    let html = files["workflow-job-4711/report.html"].map { String(decoding: $0, as: UTF8.self) }
    #expect((html?.contains("id=\"focus-workflow-graph\"") ?? false) == page)
  }
}
