import AWXReportAPI
import AWXReportJSON
import AWXReportModel
import AWXReportValidate
import Foundation
import Testing

@testable import AWXReportRender

/// The diff model and its writers, in process: identical runs, hostile names, determinism.
@Suite struct RunDiffTests {
  static func side(_ tree: AnalyzedRun) -> RunDiff.Side {
    let summary = RunSummary(tree)
    return RunDiff.Side(shown: summary, raw: summary)
  }

  static func source() -> DiffJSON.Source {
    DiffJSON.Source(
      argument: "a.json", host: "https://awx.example.com", fetchedAt: Timestamp(seconds: 0),
      snapshotSHA256: String(repeating: "0", count: 64))
  }

  @Test func aRunAgainstItselfHasNoChange() throws {
    let tree = try exampleTree()
    let d = RunDiff(a: Self.side(tree), b: Self.side(tree), redact: true)
    #expect(!d.hasChanges)
    #expect(!d.statesDiffer)
    #expect(!d.verdictChanged)
    #expect(d.sameTemplate)
    #expect(d.firstDivergence == nil)
    #expect(d.nodes.allSatisfy { $0.change == .unchanged && $0.matchedBy == .identifier })
    #expect(d.edges.isEmpty && d.launch.isEmpty && d.extraVars.isEmpty)
    #expect(DiffText.summary(d).last == "no change")
    #expect(DiffMarkdown.render(d).contains("**No change**"))
  }

  @Test func theWritersAreDeterministic() throws {
    let tree = try exampleTree()
    let d = RunDiff(a: Self.side(tree), b: Self.side(tree), redact: true)
    let one = DiffJSON.render(d, a: Self.source(), b: Self.source(), tool: "t")
    let two = DiffJSON.render(d, a: Self.source(), b: Self.source(), tool: "t")
    #expect(one == two)
    #expect(DiffMarkdown.render(d) == DiffMarkdown.render(d))
  }

  @Test func hostileNamesInTheUnionGraphGiveValidSVG() throws {
    let tree = try AnalyzedRun(hostileRun())
    let empty = try AnalyzedRun(
      WorkflowRun(job: tree.run.job, nodes: []))
    for (a, b) in [(tree, tree), (empty, tree), (tree, empty)] {
      let d = RunDiff(a: Self.side(a), b: Self.side(b), redact: true)
      let graph = DisplayGraph(diff: d)
      let svg = SVGGraphWriter().render(graph, title: "diff", description: "diff")
      let report = SVGValidator(options: .init(strict: false)).validate(
        Array(svg.utf8), fileName: "diff.svg")
      #expect(report.isValid, "\(report.errors.map { $0.textLine(fileName: "diff.svg") })")
      #expect(!svg.contains("<script>"))
      let md = DiffMarkdown.render(d)
      #expect(!md.contains("<script>"))
      #expect(!md.contains("\u{202E}"))
    }
  }
}
