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
      snapshot = try Snapshot.decode(snapshotBytes, source: source, verifyDigests: false)
    } catch {
      throw .badInput(error)
    }
    // Digests are checked on one core while the other decodes and analyses the run; a
    // digest mismatch is reported first, whatever else is wrong.
    let (verified, decoded) = Parallel.both(
      {
        () -> Result<Void, CommandError> in
        do throws(APIError) {
          try snapshot.verifyDigests(source: source)
          return .success(())
        } catch {
          return .failure(.badInput(error))
        }
      },
      {
        () -> Result<(WorkflowRun, RunAnalysis, [Int: RunAnalysis]), CommandError> in
        do throws(CommandError) {
          let run: WorkflowRun
          do throws(APIError) {
            run = try RunDecoder.decode(snapshot, fileName: source)
          } catch {
            throw .badInput(error)
          }
          let analysis = try self.analyse(run, source: source)
          var nested: [Int: RunAnalysis] = [:]
          try self.analyseNested(run, source: source, into: &nested)
          return .success((run, analysis, nested))
        } catch {
          return .failure(error)
        }
      })
    try verified.get()
    let (run, analysis, nested) = try decoded.get()

    let nestedAnalyses = nested
    let graph = DisplayGraph(run: run, analysis: analysis, nestedAnalyses: nested)
    let directoryName = "workflow-job-\(run.job.id)"
    let options = self.options

    // Two phases of two independent halves, one per core. First the graph (layout, SVG)
    // beside everything else (DOT, timeline, templates, the snapshot's digest); then the
    // graph SVG's validation beside the timeline's validation and the HTML page. Errors are
    // reported in a fixed order (graph SVG, timeline SVG, templates, page), so output never
    // depends on timing.
    let (svg, prepared) = Parallel.both(
      {
        () -> String in
        SVGGraphWriter(
          rankDirection: options.rankDirection == "LR" ? .leftToRight : .topToBottom
        ).render(
          graph, title: "Workflow job \(run.job.id): \(run.job.name)",
          description: ReportPipeline.describe(run: run, analysis: analysis))
      },
      {
        () -> Result<Others, CommandError> in
        let dot = DOTWriter(rankDirection: options.rankDirection).render(
          graph, run: run, verdict: analysis.verdict)
        let timeline = TimelineSVG.render(
          run: run, analysis: analysis, nestedAnalyses: nestedAnalyses)
        do throws(CommandError) {
          return .success(
            Others(
              dot: dot, timeline: timeline, templates: try self.loadTemplates(),
              digest: SHA256.hex(snapshotBytes)))
        } catch {
          return .failure(error)
        }
      })
    let svgBytes = Array(svg.utf8)
    let (graphChecked, finished) = Parallel.both(
      {
        () -> Result<[String], CommandError> in
        var warnings: [String] = []
        do throws(CommandError) {
          try self.validate(svgBytes, as: "\(directoryName)/graph.svg", warnings: &warnings)
          return .success(warnings)
        } catch {
          return .failure(error)
        }
      },
      {
        () -> Result<(html: String, warnings: [String]), CommandError> in
        do throws(CommandError) {
          let others = try prepared.get()
          var warnings: [String] = []
          if let timeline = others.timeline {
            try self.validate(
              Array(timeline.utf8), as: "\(directoryName)/timeline.svg", warnings: &warnings)
          }
          do throws(TemplateError) {
            let html = try HTMLReport(templates: others.templates).render(
              HTMLReportInput(
                run: run, analysis: analysis, nestedAnalyses: nestedAnalyses,
                host: snapshot.host, graphSVG: svg, timelineSVG: others.timeline,
                snapshotSHA256: others.digest,
                generatedAt: options.generatedAt ?? snapshot.fetchedAt,
                toolVersion: "awx-report \(AWXReport.version)", redact: options.redact))
            return .success((html, warnings))
          } catch {
            throw .other(error.description)
          }
        } catch {
          return .failure(error)
        }
      })
    var warnings = try graphChecked.get()
    let (html, pageWarnings) = try finished.get()
    for w in pageWarnings where !warnings.contains(w) { warnings.append(w) }
    let others = try prepared.get()
    let dot = others.dot
    let timeline = others.timeline

    var files: [(name: String, bytes: [UInt8])] = []
    files.append(("graph.dot", Array(dot.utf8)))
    files.append(("graph.svg", svgBytes))
    files.append(("report.html", Array(html.utf8)))
    if let timeline { files.append(("timeline.svg", Array(timeline.utf8))) }
    files.append(("snapshot.json", snapshotBytes))
    return Report(directoryName: directoryName, files: files, warnings: warnings)
  }

  /// What the second half of the pipeline produces.
  struct Others: Sendable {
    var dot: String
    var timeline: String?
    var templates: TemplateLibrary
    var digest: String
  }

  /// The built-in templates, with `--templates DIR` overriding them.
  func loadTemplates() throws(CommandError) -> TemplateLibrary {
    do {
      return try ReportTemplates.library(overrideDirectory: options.templatesDir)
    } catch {
      throw .other(error.description)
    }
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
