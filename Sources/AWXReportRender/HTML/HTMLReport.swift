import AWXReportModel
import AWXReportTemplate

/// Everything the HTML report shows: the run, its analyses, the two drawings and the facts for
/// the footer. The report never reads the clock or the environment: all of it comes in here.
package struct HTMLReportInput: Sendable {
  /// The analysed run, nested runs included.
  package var tree: AnalyzedRun
  /// The AWX base URL (`https://awx.example.com`), for links into the AWX UI; links are left
  /// out when it is not an `http(s)` URL.
  package var host: String
  /// The graph as a standalone SVG document (the XML declaration and doctype are stripped
  /// before inlining), or nil when it could not be drawn.
  package var graphSVG: String?
  /// The timeline from ``TimelineSVG/render(_:)``, or nil.
  package var timelineSVG: String?
  /// The failure focus of a large run (``FocusGraph``), drawn with links to the node table's
  /// rows; nil for a small run.
  package var focus: FocusInput?
  /// For a large run, the timeline split by group from ``TimelineSVG/renderGroups(_:asOf:)``,
  /// shown instead of ``timelineSVG``; empty for a small run.
  package var timelineGroups: [TimelineGroupSVG]
  /// The snapshot file's SHA-256 (hex).
  package var snapshotSHA256: String
  /// The generation time shown in the footer (`SOURCE_DATE_EPOCH` or the fetch time).
  package var generatedAt: Timestamp
  /// The tool's name and version, for example `awx-report 0.1.0`.
  package var toolVersion: String
  /// Whether secret-looking variables are masked (`--no-redact` turns it off).
  package var redact: Bool

  /// Creates the input of one report.
  package init(
    tree: AnalyzedRun, host: String, graphSVG: String?, timelineSVG: String?,
    focus: FocusInput? = nil, snapshotSHA256: String,
    generatedAt: Timestamp, toolVersion: String, redact: Bool = true,
    timelineGroups: [TimelineGroupSVG] = []
  ) {
    self.tree = tree
    self.host = host
    self.graphSVG = graphSVG
    self.timelineSVG = timelineSVG
    self.focus = focus
    self.snapshotSHA256 = snapshotSHA256
    self.generatedAt = generatedAt
    self.toolVersion = toolVersion
    self.redact = redact
    self.timelineGroups = timelineGroups
  }
}

/// The focus graph as the page shows it.
package struct FocusInput: Sendable {
  /// The standalone SVG document (its prolog is stripped before inlining).
  package var svg: String
  /// Workflow nodes drawn, and in the whole graph.
  package var shown: Int
  package var total: Int
  /// Whether chains of nodes that simply succeeded are drawn as one box.
  package var shortened: Bool

  /// Creates the focus input.
  package init(svg: String, shown: Int, total: Int, shortened: Bool = false) {
    self.svg = svg
    self.shown = shown
    self.total = total
    self.shortened = shortened
  }
}

/// Renders `report.html`: one self-contained, script-free HTML5 page (inline CSS and SVG, no
/// external request) with the summary, graph, timeline, failure analysis, node table,
/// approvals, nested workflows, variables and audit trail of a workflow run.
///
/// ```swift
/// let templates = try ReportTemplates.library(overrideDirectory: options.templatesDir)
/// let html = try HTMLReport(templates: templates).render(input)
/// ```
///
/// Same input, same bytes. Every text from the API is escaped by the template engine (or by
/// this module for the SVG it builds); data is never parsed as a template.
package struct HTMLReport: Sendable {
  /// The name of the page template in the library.
  package static let pageTemplate = "report.html.mustache"

  /// The templates used.
  package let templates: TemplateLibrary

  /// Creates a report renderer over `templates` (see ``ReportTemplates``).
  package init(templates: TemplateLibrary) {
    self.templates = templates
  }

  /// Renders the page.
  /// - Throws: `TemplateError` when the library has no ``pageTemplate`` or a partial recurses
  ///   without end (only possible with overridden templates).
  package func render(_ input: HTMLReportInput) throws(TemplateError) -> String {
    try templates.render(Self.pageTemplate, ReportViewModel(input).value)
  }

  /// Renders the page as UTF-8 bytes: the same page as ``render(_:)``, without the copy into a
  /// `String` and back that a 20 MB page of a 10,000-node run would cost.
  /// - Throws: as ``render(_:)``.
  package func renderBytes(_ input: HTMLReportInput) throws(TemplateError) -> [UInt8] {
    try templates.renderBytes(
      Self.pageTemplate, ReportViewModel(input).value, capacity: Self.expectedSize(input))
  }

  /// A little over the page's size: the drawings it inlines (the timeline or its groups,
  /// whichever is larger) plus 1,200 bytes a node, nested runs' nodes included, for the tables
  /// (a 10,000-node page has 850). A 10,000-node page is 21 MB; reserving it up front spares
  /// the last doubling of the buffer (14 MB copied into a new 28 MB one). Too small a guess
  /// would cost a doubling of its own, hence the margin.
  static func expectedSize(_ input: HTMLReportInput) -> Int {
    let groups = input.timelineGroups.reduce(0) { sum, group in
      group.parts.reduce(sum) { $0 + $1.svg.utf8.count }
    }
    let drawings =
      (input.graphSVG?.utf8.count ?? 0) + (input.focus?.svg.utf8.count ?? 0)
      + max(input.timelineSVG?.utf8.count ?? 0, groups)
    return drawings + 1200 * nodeCount(input.tree) + 64 * 1024
  }

  private static func nodeCount(_ tree: AnalyzedRun) -> Int {
    tree.children.values.reduce(tree.run.nodes.count) { $0 + nodeCount($1) }
  }
}
