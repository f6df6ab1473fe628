import AWXReportAPI
import AWXReportModel
import AWXReportLayout
import AWXReportRender
import AWXReportTemplate
import AWXReportValidate

/// The offline half of the tool: snapshot bytes in, report files out (in memory). `render`
/// and `fetch` both end here, which is why a re-render reproduces a fetch byte for byte.
struct ReportPipeline {
  let options: ReportOptions

  /// The files of one report, in the order they are listed.
  struct Report {
    var directoryName: String
    var files: [(name: String, bytes: [UInt8])]
    var warnings: [String]
  }

  /// Builds every report file from a snapshot.
  /// - Parameters:
  ///   - snapshotBytes: the snapshot file exactly as stored (copied verbatim into the report).
  ///   - source: the snapshot's path, for error messages.
  /// - Throws: `CommandError` naming the file and the problem.
  func build(snapshotBytes: [UInt8], source: String) throws(CommandError) -> Report {
    let snapshot: Snapshot
    do {
      snapshot = try Snapshot.decode(snapshotBytes, source: source)
    } catch {
      throw .badInput(error)
    }
    let run: WorkflowRun
    do {
      run = try RunDecoder.decode(snapshot, fileName: source)
    } catch {
      throw .badInput(error)
    }
    let analysis = try analyse(run, source: source)
    var nested: [Int: RunAnalysis] = [:]
    try analyseNested(run, source: source, into: &nested)

    let graph = DisplayGraph(run: run, analysis: analysis, nestedAnalyses: nested)
    let dot = DOTWriter(rankDirection: options.rankDirection).render(
      graph, run: run, verdict: analysis.verdict)

    let svg = SVGGraphWriter(
      rankDirection: options.rankDirection == "LR" ? .leftToRight : .topToBottom
    ).render(
      graph, title: "Workflow job \(run.job.id): \(run.job.name)",
      description: ReportPipeline.describe(run: run, analysis: analysis))

    let directoryName = "workflow-job-\(run.job.id)"
    var warnings: [String] = []
    let svgBytes = Array(svg.utf8)
    try validate(svgBytes, as: "\(directoryName)/graph.svg", warnings: &warnings)

    let timeline = TimelineSVG.render(run: run, analysis: analysis, nestedAnalyses: nested)
    if let timeline {
      try validate(Array(timeline.utf8), as: "\(directoryName)/timeline.svg", warnings: &warnings)
    }
    let html: String
    do {
      let templates = try ReportTemplates.library(overrideDirectory: options.templatesDir)
      html = try HTMLReport(templates: templates).render(
        HTMLReportInput(
          run: run, analysis: analysis, nestedAnalyses: nested, host: snapshot.host,
          graphSVG: svg, timelineSVG: timeline, snapshotSHA256: SHA256.hex(snapshotBytes),
          generatedAt: options.generatedAt ?? snapshot.fetchedAt,
          toolVersion: "awx-report \(AWXReport.version)", redact: options.redact))
    } catch let error as ReportTemplatesError {
      throw .other(error.description)
    } catch let error as TemplateError {
      throw .other(error.description)
    } catch {
      throw .other("\(error)")
    }

    var files: [(name: String, bytes: [UInt8])] = []
    files.append(("graph.dot", Array(dot.utf8)))
    files.append(("graph.svg", svgBytes))
    files.append(("report.html", Array(html.utf8)))
    if let timeline { files.append(("timeline.svg", Array(timeline.utf8))) }
    files.append(("snapshot.json", snapshotBytes))
    return Report(directoryName: directoryName, files: files, warnings: warnings)
  }

  /// libxml2 checks every SVG before it is published; an invalid one fails the run.
  func validate(_ bytes: [UInt8], as name: String, warnings: inout [String])
    throws(CommandError)
  {
    let report = SVGValidator(options: .init(strict: options.strictValidation))
      .validate(bytes, fileName: name)
    guard report.isValid else {
      throw .invalidSVG(report.errors.map { $0.textLine(fileName: name) })
    }
    if report.dtdUnavailable && !warnings.contains(ValidationNotice.dtdMissing) {
      warnings.append(ValidationNotice.dtdMissing)
    }
  }

  /// The SVG's `<desc>`: what a screen reader says instead of the picture.
  static func describe(run: WorkflowRun, analysis: RunAnalysis) -> String {
    let counts = NodeState.allCases.compactMap { s in
      analysis.counts[s].map { "\($0) \(s.label)" }
    }
    return "Graph of workflow job \(run.job.id) (\(run.nodes.count) nodes): "
      + "\(analysis.verdict.sentence). Nodes: \(counts.joined(separator: ", "))."
  }

  private func analyse(_ run: WorkflowRun, source: String) throws(CommandError) -> RunAnalysis {
    do {
      return try RunAnalysis(run)
    } catch {
      throw .badInput(
        .graph(source: "\(source): workflow job \(run.job.id)", reason: error.description))
    }
  }

  private func analyseNested(
    _ run: WorkflowRun, source: String, into result: inout [Int: RunAnalysis]
  ) throws(CommandError) {
    for id in run.nested.keys.sorted() {
      guard let child = run.nested[id], result[id] == nil else { continue }
      result[id] = try analyse(child, source: source)
      try analyseNested(child, source: source, into: &result)
    }
  }
}
