import AWXReportModel
import AWXReportRender
import AWXReportTestSupport
import Testing

@Suite struct DOTWriterTests {
  @Test func exampleMatchesGolden() throws {
    let tree = try exampleTree()
    let graph = DisplayGraph(tree)
    let dot = DOTWriter().render(graph, run: tree.run, verdict: verdict(tree))
    try assertGolden(dot, named: "example.dot")
    // Same input, same bytes.
    #expect(dot == DOTWriter().render(graph, run: tree.run, verdict: verdict(tree)))
  }

  @Test func leftToRight() throws {
    let tree = try exampleTree()
    let dot = DOTWriter(rankDirection: .leftToRight).render(
      DisplayGraph(tree), run: tree.run, verdict: verdict(tree))
    #expect(dot.contains("rankdir=LR"))
  }

  @Test func exampleShowsEdgeKindsAndConvergence() throws {
    let tree = try exampleTree()
    let dot = DOTWriter().render(DisplayGraph(tree), run: tree.run, verdict: verdict(tree))
    #expect(dot.contains("n304 -> n306 [color=\"#d9534f\", tooltip=\"on failure\", style=dashed"))
    #expect(dot.contains("n309 -> n311 [color=\"#5cb85c\""))
    #expect(dot.contains("n310 -> n313 [color=\"#337ab7\""))
    #expect(dot.contains("xlabel=\"ALL\""))
    #expect(dot.contains("subgraph cluster_wf4712"))
    #expect(dot.contains("n309 [") && dot.contains("penwidth=3"))
  }

  @Test func escapingHostileText() {
    #expect(DOTEscaping.quoted("a\"b\\c\nd") == "a\\\"b\\\\c\\nd")
    #expect(DOTEscaping.quoted("<b>&amp;") == "&lt;b&gt;&amp;amp;")
    #expect(DOTEscaping.quoted("café 🚀") == "café 🚀")
    #expect(DOTEscaping.quoted("\u{202E}rtl\u{7}") == "rtl")
    #expect(DOTEscaping.quoted("\\N") == "\\\\N")
    let long = DOTEscaping.quoted(String(repeating: "名", count: 20_000))
    #expect(long.utf8.count < 16_384)
    #expect(long.hasSuffix("…"))
  }

  @Test func hostileRunStillParsesInGraphviz() throws {
    let tree = try AnalyzedRun(hostileRun())
    let dot = DOTWriter().render(DisplayGraph(tree), run: tree.run, verdict: verdict(tree))
    // No control or bidirectional character, and no unescaped quote can end a string early.
    #expect(
      dot.unicodeScalars.allSatisfy {
        $0 == "\n"
          || ($0.value >= 0x20 && !(0x7F...0x9F).contains($0.value)
            && !TextSafety.isInvisibleControl($0))
      })
    #expect(!dot.contains("-> z"))
    guard let result = try runDot(dot) else { return }  // Graphviz not installed
    #expect(result.status == 0, "dot rejected the file: \(result.errors)")
    #expect(result.output.contains("&lt;script&gt;"))
    #expect(!result.output.contains("<script>"))
  }

  @Test func realGraphvizRendersTheExample() throws {
    let tree = try exampleTree()
    let dot = DOTWriter().render(DisplayGraph(tree), run: tree.run, verdict: verdict(tree))
    guard let result = try runDot(dot) else { return }
    #expect(result.status == 0)
    #expect(result.errors.isEmpty, "dot warned: \(result.errors)")
    #expect(result.output.contains("<title>n309</title>"))
  }
}

/// Emoji and CJK outside the BMP as Graphviz 2.43 renders them: written as UTF-8 (not as
/// numeric references, which it turns into invalid UTF-8), they come out of `dot -Tsvg` intact.
@Suite struct DOTUnicodeTests {
  @Test func emojiNamesSurviveGraphviz() throws {
    var run = hostileRun()
    let names = ["deploy 🚀", "𠜎 build", "naïve ✔ check"]
    for (k, name) in names.enumerated() where k < run.nodes.count {
      run.nodes[k].identifier = name
    }
    let tree = try AnalyzedRun(run)
    let dot = DOTWriter().render(DisplayGraph(tree), run: tree.run, verdict: verdict(tree))
    #expect(dot.contains("charset=\"UTF-8\""))
    for name in names { #expect(dot.contains(name)) }
    #expect(!dot.contains("&#128640;"))
    guard let result = try runDot(dot) else { return }  // Graphviz not installed
    #expect(result.status == 0, "dot: \(result.errors)")
    #expect(!result.errors.contains("UTF-8"), "dot warned: \(result.errors)")
    // The SVG is valid UTF-8 (runDot decodes it, so a bad byte would show as U+FFFD).
    #expect(!result.output.contains("\u{FFFD}"))
    for name in names { #expect(result.output.contains(name), "\(name) lost in dot's SVG") }
  }
}

/// The verdict sentence the pipeline titles the DOT graph with.
func verdict(_ tree: AnalyzedRun) -> String {
  Narrative.verdict(tree.analysis, job: tree.run.job)
}
