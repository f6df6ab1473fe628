import AWXReportAPI
import AWXReportModel
import AWXReportRender
import AWXReportTemplate
import AWXReportValidate

/// The offline half of the tool: snapshot bytes in, report files out (in memory). `render` and
/// `fetch` both end here, which is why a re-render reproduces a fetch byte for byte.
///
/// Build one per process and reuse it for every run: the templates are parsed once, here.
struct ReportRenderer: Sendable {
  let options: ReportOptions
  /// The parsed templates, or why they could not be loaded. The error is reported when a page
  /// is rendered, after anything wrong with the snapshot itself, as it always was.
  private let templates: Result<TemplateLibrary, CommandError>

  /// The parsed templates (the index page uses them too), or why they could not be loaded.
  func library() throws(CommandError) -> TemplateLibrary { try templates.get() }

  init(options: ReportOptions) {
    self.options = options
    do {
      templates = .success(try ReportTemplates.library(overrideDirectory: options.templatesDir))
    } catch {
      templates = .failure(.template(error))
    }
  }

  /// Builds every selected report file from a snapshot, in four stages: decode, draw, check
  /// (validation and the page) and assemble.
  /// - Parameters:
  ///   - snapshotBytes: the snapshot file exactly as stored (copied verbatim into the report).
  ///   - source: the snapshot's path, for error messages.
  /// - Throws: `CommandError` naming the stage's input and the problem.
  func build(snapshotBytes: [UInt8], source: String) throws(CommandError) -> ArtifactSet {
    let decoded = try StageClock.measure("decode") { () throws(CommandError) in
      try decode(snapshotBytes, source: source)
    }
    releaseFreeMemory()
    let drawn = try StageClock.measure("draw") { () throws(CommandError) in try draw(decoded) }
    releaseFreeMemory()
    var files = ArtifactSet(summary: drawn.summary, formats: options.formats)
    let checked = try StageClock.measure("check") { () throws(CommandError) in
      try check(drawn, decoded, directory: files.directoryName)
    }
    for (artifact, made) in drawn.files.merging(checked.files, uniquingKeysWith: { a, _ in a }) {
      files.add(artifact, made.bytes, sha256: made.sha256)
    }
    files.add(.snapshot, snapshotBytes, sha256: decoded.snapshotSHA256)
    files.warnings = checked.warnings
    return files
  }

  // MARK: Stage 1: decode

  struct Decoded: Sendable {
    /// The snapshot without its response bodies, which are decoded and checked by now.
    var snapshot: Snapshot
    var tree: AnalyzedRun
    /// The SHA-256 of the snapshot file's bytes.
    var snapshotSHA256: String
  }

  /// Parses the snapshot, then checks its digests and hashes the file on one core while the
  /// other decodes and analyses the run; a digest mismatch is reported first, whatever else is
  /// wrong. The bodies are dropped afterwards: a 10,000-node snapshot holds 26 MB of them.
  func decode(_ bytes: [UInt8], source: String) throws(CommandError) -> Decoded {
    var snapshot: Snapshot
    do {
      snapshot = try StageClock.measure("decode.parse") { () throws(APIError) in
        try Snapshot.decode(bytes, source: source, verifyDigests: false)
      }
    } catch {
      throw .badInput(error)
    }
    let (digest, tree) = try Parallel.both(
      { [snapshot] () throws(CommandError) -> String in
        do throws(APIError) { try snapshot.verifyDigests(source: source) } catch {
          throw .badInput(error)
        }
        return SHA256.hex(bytes)
      },
      { [snapshot] () throws(CommandError) -> AnalyzedRun in
        let run: WorkflowRun
        do throws(APIError) {
          run = try StageClock.measure("decode.run") { () throws(APIError) in
            try RunDecoder.decode(snapshot, fileName: source)
          }
        } catch {
          throw .badInput(error)
        }
        let clean = StageClock.measure("decode.redact") {
          self.options.redact ? Redaction.run(run) : FailureText.cleanedOnly(run)
        }
        return try StageClock.measure("decode.analyse") { () throws(CommandError) in
          try Self.analyse(clean, source: source)
        }
      })
    snapshot.responses = []
    return Decoded(snapshot: snapshot, tree: tree, snapshotSHA256: digest)
  }

  /// The run and its nested runs, analysed; a node list that is no DAG names its workflow job.
  static func analyse(_ run: WorkflowRun, source: String) throws(CommandError) -> AnalyzedRun {
    do {
      return try AnalyzedRun(run)
    } catch {
      guard case .inWorkflowJob(let id, let inner) = error else {
        throw .badInput(.graph(source: source, reason: error.description))
      }
      throw .badInput(.graph(source: "\(source): workflow job \(id)", reason: inner.description))
    }
  }

  // MARK: Stage 2: draw

  /// A file's bytes and their SHA-256, computed on the core that made them.
  struct Made: Sendable {
    var bytes: [UInt8]
    var sha256: String

    init(_ text: String) { self.init(Array(text.utf8)) }

    init(_ bytes: [UInt8]) {
      self.bytes = bytes
      sha256 = SHA256.hex(bytes)
    }
  }

  struct Drawn: Sendable {
    /// The graph SVG (empty when neither the SVG nor the page is wanted); validated, then
    /// hashed, in the next stage.
    var graphSVG: String
    /// The focus graph of a large run, as `focus.svg` and as inlined into the page (where each
    /// node links to its row); validated in the next stage.
    var focus: FocusDrawing?
    var timeline: String?
    /// A large run's timeline split by group for the page (empty otherwise).
    var timelineGroups: [TimelineGroupSVG] = []
    /// The validation of the timeline and its groups: warnings, or the error to report after
    /// the graph SVG's.
    var timelineCheck: Result<[String], CommandError>
    var summary: RunSummary
    /// The finished files that need nothing more: DOT, timeline, summaries, JUnit.
    var files: [Artifact: Made]
  }

  /// The two drawings of a run's ``FocusGraph``.
  struct FocusDrawing: Sendable {
    /// `focus.svg`, without links: the validator allows none out of a standalone SVG.
    var file: String
    /// The same drawing with links into the page it is inlined in.
    var inline: String
    /// Workflow nodes drawn, and in the whole graph.
    var shown: Int
    var total: Int
    /// Whether plain chains are shortened (``FocusGraph/drawing``).
    var shortened: Bool
  }

  /// The focus of a large run, drawn (nil for a small run or when no drawing is wanted).
  func drawFocus(_ focus: FocusGraph?, _ tree: AnalyzedRun) -> FocusDrawing? {
    guard let focus, !options.formats.isDisjoint(with: [.svg, .html]) else { return nil }
    let title = "Failure focus of workflow job \(tree.id): \(tree.run.job.name)"
    let description =
      "The \(focus.shownCount) of \(focus.totalCount) nodes that explain the outcome of"
      + " workflow job \(tree.id): every failure with its path from START, the critical path,"
      + " the handlers, and what the failures cut off."
    let writer = SVGGraphWriter(rankDirection: options.rankDirection, idPrefix: "focus-")
    let drawing = focus.drawing
    let laidOut = writer.layOut(drawing)
    var inline = writer
    inline.rowLinks = ""
    return FocusDrawing(
      file: writer.render(laidOut, title: title, description: description),
      inline: inline.render(laidOut, title: title, description: description),
      shown: focus.shownCount, total: focus.totalCount, shortened: drawing != focus.graph)
  }

  /// Three tasks on the cores there are: the graph (layout and SVG); the timeline (drawn,
  /// validated, hashed: its libxml2 tree is gone before the graph SVG's is built); everything
  /// else that needs only the run, each selected file made and hashed. With two cores the
  /// third task goes to whichever of the first two finishes first.
  func draw(_ decoded: Decoded) throws(CommandError) -> Drawn {
    let tree = decoded.tree
    let graph = DisplayGraph(tree)
    let verdict = Narrative.verdict(tree.analysis, job: tree.run.job)
    let direction = options.rankDirection
    let formats = options.formats
    let host = decoded.snapshot.host
    let drawsGraph = !formats.isDisjoint(with: [.svg, .html])
    let (svg, timeline, side) = Parallel.three(
      { () -> String in
        guard drawsGraph else { return "" }
        return StageClock.measure("draw.graph") {
          SVGGraphWriter(rankDirection: direction).render(
            graph, title: "Workflow job \(tree.id): \(tree.run.job.name)",
            description: Self.describe(tree, verdict: verdict))
        }
      },
      { () -> DrawnTimeline in
        guard drawsGraph else { return DrawnTimeline() }
        return StageClock.measure("draw.timeline") {
          self.drawTimeline(tree, asOf: decoded.snapshot.fetchedAt)
        }
      },
      { () -> Drawn in
        StageClock.measure("draw.rest") {
          let digest = decoded.snapshotSHA256
          let summary = StageClock.measure("rest.summary") { RunSummary(tree) }
          let nodeCount = graph.nodes.count { !$0.isStart }
          let focus = LargeRun.isLarge(nodeCount: nodeCount) ? FocusGraph(tree, full: graph) : nil
          let focusDrawing = StageClock.measure("rest.focus") { self.drawFocus(focus, tree) }
          var files: [Artifact: Made] = [:]
          func make(_ artifact: Artifact, _ text: () -> String) {
            if artifact.format.map(formats.contains) ?? true {
              files[artifact] = StageClock.measure("rest.\(artifact.rawValue)") { Made(text()) }
            }
          }
          make(.dot) {
            DOTWriter(rankDirection: direction).render(graph, run: tree.run, verdict: verdict)
          }
          make(.summaryJSON) {
            SummaryJSON.render(
              summary,
              source: .init(
                host: host, fetchedAt: decoded.snapshot.fetchedAt, snapshotSHA256: digest,
                tool: "awx-report \(AWXReport.version)"))
          }
          make(.junit) { JUnitWriter.render(summary, host: host) }
          make(.summaryMD) {
            // The report's focus, then, should it be too big for Mermaid, a narrower one.
            var candidates = focus.map { [$0] } ?? []
            if focus != nil, let narrow = FocusGraph(tree, full: graph, scope: .unhandledFailures) {
              candidates.append(narrow)
            }
            return SummaryMarkdown.render(summary, host: host, focus: candidates)
          }
          return Drawn(
            graphSVG: "", focus: focusDrawing, timeline: nil, timelineCheck: .success([]),
            summary: summary, files: files)
        }
      })
    var drawn = side
    drawn.graphSVG = svg
    drawn.timeline = timeline.svg
    drawn.timelineGroups = timeline.groups
    drawn.timelineCheck = timeline.check
    if let made = timeline.made, formats.contains(.svg) { drawn.files[.timeline] = made }
    return drawn
  }

  /// The timeline, its groups for the page, their validation and the file's hash.
  struct DrawnTimeline: Sendable {
    var svg: String?
    var groups: [TimelineGroupSVG] = []
    var check: Result<[String], CommandError> = .success([])
    var made: Made?
  }

  /// Draws the timeline (and, for the page, its groups), validates them and hashes the file;
  /// nothing when the run has no timeline.
  func drawTimeline(_ tree: AnalyzedRun, asOf: Timestamp) -> DrawnTimeline {
    guard let svg = StageClock.measure("timeline.full", { TimelineSVG.render(tree, asOf: asOf) })
    else { return DrawnTimeline() }
    let groups = StageClock.measure("timeline.groups") {
      options.formats.contains(.html) ? TimelineSVG.renderGroups(tree, asOf: asOf) : []
    }
    let check = StageClock.measure("timeline.validate") {
      Result { () throws(CommandError) -> [String] in
        var warnings: [String] = []
        let directory = ArtifactSet.directoryName(jobID: tree.id)
        try self.validate(svg, as: "\(directory)/timeline.svg", warnings: &warnings)
        for part in groups.flatMap(\.parts) {
          try self.validate(
            part.svg, as: "\(directory)/report.html#\(part.idPrefix)-svg", warnings: &warnings)
        }
        return warnings
      }
    }
    return DrawnTimeline(
      svg: svg, groups: groups, check: check,
      made: options.formats.contains(.svg) ? Made(svg) : nil)
  }

  /// The SVG's `<desc>`: what a screen reader says instead of the picture.
  static func describe(_ tree: AnalyzedRun, verdict: String) -> String {
    let counts = NodeState.allCases.compactMap { s in
      tree.analysis.counts[s].map { "\($0) \(s.label)" }
    }
    return "Graph of workflow job \(tree.id) (\(tree.run.nodes.count) nodes): "
      + "\(verdict). Nodes: \(counts.joined(separator: ", "))."
  }

  // MARK: Stage 3: check

  struct Checked: Sendable {
    /// The graph SVG and the page, when made.
    var files: [Artifact: Made]
    var warnings: [String]
  }

  /// libxml2 validates the graph SVG on one core while the other renders the page; each then
  /// hashes what it made. Errors come in a fixed order: graph SVG, timeline SVG (validated in
  /// the previous stage), templates, page.
  func check(_ drawn: Drawn, _ decoded: Decoded, directory: String) throws(CommandError)
    -> Checked
  {
    let tree = decoded.tree
    let (graph, page) = try Parallel.both(
      { () throws(CommandError) -> Checked in
        var warnings: [String] = []
        var files: [Artifact: Made] = [:]
        if !drawn.graphSVG.isEmpty {
          try StageClock.measure("check.graph") { () throws(CommandError) in
            try self.validate(drawn.graphSVG, as: "\(directory)/graph.svg", warnings: &warnings)
          }
          files[.graphSVG] = StageClock.measure("check.hashgraph") { Made(drawn.graphSVG) }
        }
        if let focus = drawn.focus {
          try self.validate(focus.file, as: "\(directory)/focus.svg", warnings: &warnings)
          try self.validate(
            focus.inline, as: "\(directory)/report.html (focus graph)", warnings: &warnings)
          if self.options.formats.contains(.svg) { files[.focusSVG] = Made(focus.file) }
        }
        return Checked(files: files, warnings: warnings)
      },
      { () throws(CommandError) -> Checked in
        let warnings = try drawn.timelineCheck.get()
        guard self.options.formats.contains(.html) else {
          return Checked(files: [:], warnings: warnings)
        }
        let templates = try self.templates.get()
        let input = HTMLReportInput(
          tree: tree, host: decoded.snapshot.host,
          graphSVG: drawn.graphSVG, timelineSVG: drawn.timeline,
          focus: drawn.focus.map {
            .init(svg: $0.inline, shown: $0.shown, total: $0.total, shortened: $0.shortened)
          },
          snapshotSHA256: decoded.snapshotSHA256,
          generatedAt: self.options.generatedAt ?? decoded.snapshot.fetchedAt,
          toolVersion: "awx-report \(AWXReport.version)", redact: self.options.redact,
          timelineGroups: drawn.timelineGroups)
        do throws(TemplateError) {
          let html = try StageClock.measure("check.page") { () throws(TemplateError) in
            try HTMLReport(templates: templates).renderBytes(input)
          }
          return Checked(
            files: [.html: StageClock.measure("check.hashpage") { Made(html) }], warnings: warnings)
        } catch {
          throw .page(error)
        }
      })
    var warnings = graph.warnings
    for w in page.warnings where !warnings.contains(w) { warnings.append(w) }
    return Checked(
      files: graph.files.merging(page.files, uniquingKeysWith: { a, _ in a }), warnings: warnings)
  }

  /// libxml2 checks every SVG before it is published; an invalid one fails the run.
  func validate(_ bytes: [UInt8], as name: String, warnings: inout [String])
    throws(CommandError)
  {
    try check(
      SVGValidator(options: .init(strict: options.strictValidation))
        .validate(bytes, fileName: name), as: name, warnings: &warnings)
  }

  /// ``validate(_:as:warnings:)`` for an SVG still held as text (read in place, not copied).
  func validate(_ text: String, as name: String, warnings: inout [String])
    throws(CommandError)
  {
    try check(
      SVGValidator(options: .init(strict: options.strictValidation))
        .validate(text, fileName: name), as: name, warnings: &warnings)
  }

  private func check(_ report: ValidationReport, as name: String, warnings: inout [String])
    throws(CommandError)
  {
    guard report.isValid else {
      throw .invalidSVG(report.errors.map { $0.textLine(fileName: name) })
    }
    if report.dtdUnavailable && !warnings.contains(ValidationNotice.dtdMissing) {
      warnings.append(ValidationNotice.dtdMissing)
    }
  }
}
