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

  /// Builds every selected report file from a snapshot, in stages: decode; plan (display
  /// graph, summary, focus); draw (graph, timeline and focus, each validated); write (the page
  /// and the other files); each stage on every core.
  /// - Parameters:
  ///   - snapshotBytes: the snapshot file exactly as stored (copied verbatim into the report).
  ///   - source: the snapshot's path, for error messages.
  /// - Throws: `CommandError` naming the stage's input and the problem.
  func build(snapshotBytes: [UInt8], source: String) throws(CommandError) -> ArtifactSet {
    let decoded = try StageClock.measure("decode") { () throws(CommandError) in
      try decode(snapshotBytes, source: source)
    }
    var files = try render(decoded)
    files.add(.snapshot, snapshotBytes, sha256: decoded.snapshotSHA256)
    return files
  }

  /// ``build(snapshotBytes:source:)`` for the snapshot file at `path`. A regular file's bytes
  /// are let go once decoded (a 10,000-node snapshot is 30 MB) and read again for
  /// `snapshot.json`, which must still have the digest they had; anything else (a pipe) is
  /// read once and kept.
  func build(snapshotFile path: String) throws(CommandError) -> ArtifactSet {
    guard isRegularFile(path) else {
      return try build(snapshotBytes: try InputFile.read(path), source: path)
    }
    let decoded = try StageClock.measure("decode") { () throws(CommandError) in
      try decode(try InputFile.read(path), source: path)
    }
    var files = try render(decoded)
    releaseFreeMemory()
    let bytes = try InputFile.read(path)
    guard SHA256.hex(bytes) == decoded.snapshotSHA256 else {
      throw .unreadable(path: path, reason: "the file changed while it was being rendered")
    }
    files.add(.snapshot, bytes, sha256: decoded.snapshotSHA256)
    return files
  }

  /// Every file but `snapshot.json`, from the decoded snapshot: plan, draw, write.
  private func render(_ decoded: Decoded) throws(CommandError) -> ArtifactSet {
    releaseFreeMemory()
    let plan = StageClock.measure("plan") { self.plan(decoded) }
    let drawn = try StageClock.measure("draw") { () throws(CommandError) in
      try draw(plan, decoded)
    }
    releaseFreeMemory()
    var files = ArtifactSet(summary: plan.summary, formats: options.formats)
    let written = try StageClock.measure("write") { () throws(CommandError) in
      try write(plan, drawn, decoded)
    }
    for (artifact, made) in drawn.files.merging(written.files, uniquingKeysWith: { a, _ in a }) {
      files.add(artifact, made.bytes, sha256: made.sha256)
    }
    var warnings = written.warnings
    for w in drawn.warnings where !warnings.contains(w) { warnings.append(w) }
    files.warnings = warnings
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

  /// Parses the snapshot; then, on every core, hashes the file and checks and decodes each
  /// stored body into records (each JSON tree dropped as soon as its records are out); then
  /// assembles and analyses the run. A digest mismatch is reported first,
  /// whatever else is wrong. The bodies are dropped afterwards: a 10,000-node snapshot holds
  /// 26 MB of them.
  func decode(_ bytes: [UInt8], source: String) throws(CommandError) -> Decoded {
    var snapshot: Snapshot
    do {
      snapshot = try StageClock.measure("decode.parse") { () throws(APIError) in
        try Snapshot.decode(bytes, source: source, verifyDigests: false)
      }
    } catch {
      throw .badInput(error)
    }
    let responses = snapshot.responses
    // Task 0 hashes the file (the longest); task k + 1 checks and parses response k.
    let fileDigest = Parallel.Slots<String>(count: 1)
    let intact = Parallel.Slots<Bool>(count: responses.count)
    let pages = Parallel.Slots<Result<DecodedPage, APIError>>(count: responses.count)
    StageClock.measure("decode.bodies") {
      Parallel.forEach(count: responses.count + 1) { task in
        guard task > 0 else {
          fileDigest[0] = SHA256.hex(bytes)
          return
        }
        let r = responses[task - 1]
        intact[task - 1] = r.isIntact
        if !r.kind.isDrillDown { pages[task - 1] = DecodedPage.decode(r, fileName: source) }
      }
    }
    if let k = responses.indices.first(where: { intact[$0] == false }) {
      throw .badInput(Snapshot.altered(response: k, source: source))
    }
    let run: WorkflowRun
    do throws(APIError) {
      run = try StageClock.measure("decode.run") { () throws(APIError) in
        try RunDecoder.decode(snapshot, fileName: source, pages: pages.values)
      }
    } catch {
      throw .badInput(error)
    }
    let clean = StageClock.measure("decode.redact") {
      self.options.redact ? Redaction.run(run) : FailureText.cleanedOnly(run)
    }
    let tree = try StageClock.measure("decode.analyse") { () throws(CommandError) in
      try Self.analyse(clean, source: source)
    }
    snapshot.responses = []
    return Decoded(snapshot: snapshot, tree: tree, snapshotSHA256: fileDigest[0] ?? "")
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

  /// The drawings, each validated (and hashed, when it is a file) on the core that drew it.
  struct Drawn: Sendable {
    /// The graph SVG (empty when neither the SVG nor the page is wanted).
    var graphSVG: String = ""
    /// The focus graph of a large run as inlined into the page, where each node links to its
    /// row (`focus.svg`, without links, is in ``files``).
    var focus: FocusInput?
    var timeline: String?
    /// A large run's timeline split by group for the page (empty otherwise).
    var timelineGroups: [TimelineGroupSVG] = []
    /// The files finished here: focus.svg, timeline.svg (graph.svg is validated and hashed in
    /// the write stage).
    var files: [Artifact: Made] = [:]
    var warnings: [String] = []
    /// The first error of the focus and timeline drawings, reported after the graph SVG's.
    var failure: CommandError?
  }

  /// What the draw stage works from, made once before it fans out.
  struct Plan: Sendable {
    var tree: AnalyzedRun
    var graph: DisplayGraph
    var verdict: String
    /// The failure focus of a large run (nil for a small one).
    var focus: FocusGraph?
    var summary: RunSummary
  }

  /// The run's display graph, verdict, summary and (for a large run) failure focus.
  func plan(_ decoded: Decoded) -> Plan {
    let tree = decoded.tree
    let graph = DisplayGraph(tree)
    let focus = NodeGrouping.isLarge(tree) ? FocusGraph(tree, full: graph) : nil
    return Plan(
      tree: tree, graph: graph, verdict: Narrative.verdict(tree.analysis, job: tree.run.job),
      focus: focus, summary: RunSummary(tree))
  }

  /// How many tasks draw a large run's timeline groups (``TimelineSVG/renderGroups``), so the
  /// cores share that work evenly.
  static let timelineShares = 3

  /// The drawings on the cores there are, longest first: the graph (layout and SVG: it is
  /// validated in the write stage, which has room for it), the timeline, the focus, then the
  /// timeline's groups for the page in shares. Their errors are kept, in a fixed order (focus
  /// SVG, timeline SVG, the groups' SVGs), to be reported after the graph SVG's.
  func draw(_ plan: Plan, _ decoded: Decoded) throws(CommandError) -> Drawn {
    guard !options.formats.isDisjoint(with: [.svg, .html]) else { return Drawn() }
    let directory = ArtifactSet.directoryName(jobID: plan.tree.id)
    let asOf = decoded.snapshot.fetchedAt
    let shares = options.formats.contains(.html) ? Self.timelineShares : 0
    let results = Parallel.Slots<Result<Drawn, CommandError>>(count: 3 + shares)
    Parallel.forEach(count: 3 + shares) { task in
      results[task] = Result { () throws(CommandError) -> Drawn in
        switch task {
        case 0:
          return try StageClock.measure("draw.graph") { () throws(CommandError) in
            try self.drawGraph(plan, directory: directory)
          }
        case 1:
          return try StageClock.measure("draw.timeline") { () throws(CommandError) in
            try self.drawTimeline(plan.tree, asOf: asOf, directory: directory)
          }
        case 2:
          return try StageClock.measure("draw.focus") { () throws(CommandError) in
            try self.drawFocus(plan, directory: directory)
          }
        default:
          return try StageClock.measure("draw.timeline.groups") { () throws(CommandError) in
            try self.drawTimelineGroups(
              plan.tree, asOf: asOf, share: (task - 3, shares), directory: directory)
          }
        }
      }
    }
    var drawn = Drawn()
    var groupShares: [[TimelineGroupSVG]] = []
    for task in [0, 2, 1] + Array(3..<(3 + shares)) {
      guard let result = results[task] else { continue }
      let part: Drawn
      switch result {
      case .success(let p): part = p
      case .failure(let error):
        drawn.failure = drawn.failure ?? error
        continue
      }
      drawn.files.merge(part.files) { a, _ in a }
      for w in part.warnings where !drawn.warnings.contains(w) { drawn.warnings.append(w) }
      switch task {
      case 0: drawn.graphSVG = part.graphSVG
      case 1: drawn.timeline = part.timeline
      case 2: drawn.focus = part.focus
      default: groupShares.append(part.timelineGroups)
      }
    }
    // Groups only for a run that has a timeline.
    if drawn.timeline != nil { drawn.timelineGroups = TimelineSVG.merge(groupShares) }
    return drawn
  }

  /// The graph SVG (validated and hashed in the write stage).
  func drawGraph(_ plan: Plan, directory: String) throws(CommandError) -> Drawn {
    let tree = plan.tree
    var drawn = Drawn()
    drawn.graphSVG = SVGGraphWriter(rankDirection: options.rankDirection).render(
      plan.graph, title: "Workflow job \(tree.id): \(tree.run.job.name)",
      description: Self.describe(tree, verdict: plan.verdict))
    return drawn
  }

  /// The focus of a large run, drawn twice (the file, and the page's copy with row links),
  /// both validated; nothing for a small run.
  func drawFocus(_ plan: Plan, directory: String) throws(CommandError) -> Drawn {
    guard let focus = plan.focus else { return Drawn() }
    let tree = plan.tree
    let title = "Failure focus of workflow job \(tree.id): \(tree.run.job.name)"
    let description =
      "The \(focus.shownCount) of \(focus.totalCount) nodes that explain the outcome of"
      + " workflow job \(tree.id): every failure with its path from START, the critical path,"
      + " the handlers, and what the failures cut off."
    var writer = SVGGraphWriter(rankDirection: options.rankDirection, idPrefix: "focus-")
    let drawing = focus.drawing
    // A focus big enough to be shortened is laid out without the seeded restarts that small
    // graphs get: they would cost more than the whole graph's crossing reduction.
    if drawing != focus.graph { writer.tuning.restarts = 0 }
    let laidOut = writer.layOut(drawing)
    var inline = writer
    inline.rowLinks = ""
    var drawn = Drawn()
    let file = writer.render(laidOut, title: title, description: description)
    if options.formats.contains(.svg) {
      try validate(file, as: "\(directory)/focus.svg", warnings: &drawn.warnings)
    }
    if options.formats.contains(.html) {
      let page = inline.render(laidOut, title: title, description: description)
      try validate(page, as: "\(directory)/report.html (focus graph)", warnings: &drawn.warnings)
      drawn.focus = FocusInput(
        svg: page, shown: focus.shownCount, total: focus.totalCount,
        shortened: drawing != focus.graph)
    }
    if options.formats.contains(.svg) { drawn.files[.focusSVG] = Made(file) }
    return drawn
  }

  /// The timeline, validated, the file hashed; nothing when the run has no timeline.
  func drawTimeline(_ tree: AnalyzedRun, asOf: Timestamp, directory: String)
    throws(CommandError) -> Drawn
  {
    var drawn = Drawn()
    guard let svg = TimelineSVG.render(tree, asOf: asOf) else { return drawn }
    try validate(svg, as: "\(directory)/timeline.svg", warnings: &drawn.warnings)
    drawn.timeline = svg
    if options.formats.contains(.svg) { drawn.files[.timeline] = Made(svg) }
    return drawn
  }

  /// One share of a large run's timeline groups for the page, each part validated.
  func drawTimelineGroups(
    _ tree: AnalyzedRun, asOf: Timestamp, share: (index: Int, of: Int), directory: String
  ) throws(CommandError) -> Drawn {
    var drawn = Drawn()
    drawn.timelineGroups = TimelineSVG.renderGroups(tree, asOf: asOf, share: share)
    for part in drawn.timelineGroups.flatMap(\.parts) {
      try validate(
        part.svg, as: "\(directory)/report.html#\(part.idPrefix)-svg", warnings: &drawn.warnings)
    }
    return drawn
  }

  /// The SVG's `<desc>`: what a screen reader says instead of the picture.
  static func describe(_ tree: AnalyzedRun, verdict: String) -> String {
    let counts = NodeState.allCases.compactMap { s in
      tree.analysis.counts[s].map { "\($0) \(s.label)" }
    }
    return "Graph of workflow job \(tree.id) (\(tree.run.nodes.count) nodes): "
      + "\(verdict). Nodes: \(counts.joined(separator: ", "))."
  }

  // MARK: Stage 3: write

  /// The graph SVG's validation and the files on the cores there are, the longest first: the
  /// page, the graph SVG, summary.json, DOT, junit.xml, summary.md. Each is hashed where it was
  /// made. Errors come in a fixed order: graph SVG, the drawings' (``Drawn/failure``), then the
  /// files' (templates and page first).
  func write(_ plan: Plan, _ drawn: Drawn, _ decoded: Decoded) throws(CommandError)
    -> (files: [Artifact: Made], warnings: [String])
  {
    let tree = plan.tree
    let host = decoded.snapshot.host
    let formats = options.formats
    let direction = options.rankDirection
    let directory = ArtifactSet.directoryName(jobID: tree.id)
    let validatesGraph = !drawn.graphSVG.isEmpty
    // The page cannot be published with an invalid graph in it; the page is rendered anyway
    // while the graph is checked, and dropped with the run if it fails.
    let jobs: [Artifact] = [.html, .graphSVG, .summaryJSON, .dot, .junit, .summaryMD].filter {
      $0 == .graphSVG ? validatesGraph : $0.format.map(formats.contains) ?? true
    }
    let made = Parallel.Slots<Result<(Made?, [String]), CommandError>>(count: jobs.count)
    Parallel.forEach(count: jobs.count) { k in
      made[k] = Result { () throws(CommandError) -> (Made?, [String]) in
        try StageClock.measure("write.\(jobs[k].rawValue)") { () throws(CommandError) in
          switch jobs[k] {
          case .graphSVG:
            var warnings: [String] = []
            try self.validate(drawn.graphSVG, as: "\(directory)/graph.svg", warnings: &warnings)
            return (formats.contains(.svg) ? Made(drawn.graphSVG) : nil, warnings)
          case .html: return (try self.page(plan, drawn, decoded), [])
          case .summaryJSON:
            return (
              Made(
                SummaryJSON.render(
                  plan.summary,
                  source: .init(
                    host: host, fetchedAt: decoded.snapshot.fetchedAt,
                    snapshotSHA256: decoded.snapshotSHA256,
                    tool: "awx-report \(AWXReport.version)"))), []
            )
          case .dot:
            return (
              Made(
                DOTWriter(rankDirection: direction).render(
                  plan.graph, run: tree.run, verdict: plan.verdict)), []
            )
          case .junit: return (Made(JUnitWriter.render(plan.summary, host: host)), [])
          default:
            // The report's focus, then, should it be too big for Mermaid, a narrower one.
            var candidates = plan.focus.map { [$0] } ?? []
            if plan.focus != nil,
              let narrow = FocusGraph(tree, full: plan.graph, scope: .unhandledFailures)
            {
              candidates.append(narrow)
            }
            return (Made(SummaryMarkdown.render(plan.summary, host: host, focus: candidates)), [])
          }
        }
      }
    }
    if let k = jobs.firstIndex(of: .graphSVG), case .failure(let error)? = made[k] {
      throw error
    }
    if let failure = drawn.failure { throw failure }
    var files: [Artifact: Made] = [:]
    var warnings: [String] = []
    for (k, artifact) in jobs.enumerated() {
      guard let result = made[k] else { continue }
      let (file, notes) = try result.get()
      if let file { files[artifact] = file }
      warnings += notes
    }
    return (files, warnings)
  }

  /// The page, from the validated drawings.
  func page(_ plan: Plan, _ drawn: Drawn, _ decoded: Decoded) throws(CommandError) -> Made {
    let templates = try self.templates.get()
    let input = HTMLReportInput(
      tree: plan.tree, host: decoded.snapshot.host,
      graphSVG: drawn.graphSVG, timelineSVG: drawn.timeline,
      focus: drawn.focus,
      snapshotSHA256: decoded.snapshotSHA256,
      generatedAt: options.generatedAt ?? decoded.snapshot.fetchedAt,
      toolVersion: "awx-report \(AWXReport.version)", redact: options.redact,
      timelineGroups: drawn.timelineGroups)
    do throws(TemplateError) {
      return Made(try HTMLReport(templates: templates).renderBytes(input))
    } catch {
      throw .page(error)
    }
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
