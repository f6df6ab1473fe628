import AWXReportAPI
import AWXReportModel
import AWXReportRender
import AWXReportTemplate

/// The offline half of `diff`: two snapshots' bytes in, the diff directory's files out (in
/// memory).
struct DiffRenderer: Sendable {
  let options: ReportOptions

  /// One run's snapshot as named on the command line.
  struct Input: Sendable {
    var bytes: [UInt8]
    /// The file or job id given.
    var argument: String
  }

  struct Result: Sendable {
    var diff: RunDiff
    var directoryName: String
    /// The files in order, `SHA256SUMS` last.
    var files: [(name: String, bytes: [UInt8])]
    var warnings: [String]
  }

  /// One decoded side: what is shown (redacted per the options) and the raw run.
  struct Side: Sendable {
    var snapshot: Snapshot
    var shown: AnalyzedRun
    var raw: AnalyzedRun
    var sha256: String
  }

  func decode(_ input: Input) throws(CommandError) -> Side {
    let source = input.argument
    let snapshot: Snapshot
    let run: WorkflowRun
    do throws(APIError) {
      snapshot = try Snapshot.decode(input.bytes, source: source, verifyDigests: true)
      run = try RunDecoder.decode(snapshot, fileName: source)
    } catch {
      throw .badInput(error)
    }
    let raw = try ReportRenderer.analyse(FailureText.cleanedOnly(run), source: source)
    let shown =
      options.redact ? try ReportRenderer.analyse(Redaction.run(run), source: source) : raw
    return Side(snapshot: snapshot, shown: shown, raw: raw, sha256: SHA256.hex(input.bytes))
  }

  func build(a: Input, b: Input) throws(CommandError) -> Result {
    let sa = try decode(a)
    let sb = try decode(b)
    let diff = RunDiff(
      a: .init(shown: RunSummary(sa.shown), raw: RunSummary(sa.raw)),
      b: .init(shown: RunSummary(sb.shown), raw: RunSummary(sb.raw)), redact: options.redact)
    let tool = "awx-report \(AWXReport.version)"
    func source(_ s: Side, _ i: Input) -> DiffJSON.Source {
      DiffJSON.Source(
        argument: i.argument, host: s.snapshot.host, fetchedAt: s.snapshot.fetchedAt,
        snapshotSHA256: s.sha256)
    }
    let json = DiffJSON.render(diff, a: source(sa, a), b: source(sb, b), tool: tool)
    var files: [(name: String, bytes: [UInt8])] = [("diff.json", Array(json.utf8))]
    files.append(("diff.md", Array(DiffMarkdown.render(diff).utf8)))
    var warnings: [String] = []
    let svg = SVGGraphWriter(rankDirection: options.rankDirection).render(
      DisplayGraph(diff: diff),
      title: "Diff of workflow jobs \(sa.shown.id) and \(sb.shown.id)",
      description: DiffText.summary(diff).joined(separator: ". "))
    let name = "diff-\(sa.shown.id)-\(sb.shown.id)"
    try ReportRenderer(options: options).validate(
      Array(svg.utf8), as: "\(name)/diff.html (graph)", warnings: &warnings)
    let templates: TemplateLibrary
    do {
      templates = try ReportTemplates.library(overrideDirectory: options.templatesDir)
    } catch {
      throw .template(error)
    }
    let page: String
    do throws(TemplateError) {
      page = try DiffHTML.render(
        DiffHTML.Input(
          diff: diff, graphSVG: svg, tool: tool,
          generatedAt: options.generatedAt ?? sb.snapshot.fetchedAt, redacted: options.redact,
          sha256A: sa.sha256, sha256B: sb.sha256), templates: templates)
    } catch {
      throw .page(error)
    }
    files.append(("diff.html", Array(page.utf8)))
    files.append(("snapshot-a.json", a.bytes))
    files.append(("snapshot-b.json", b.bytes))
    var manifest = ""
    for f in files { manifest += "\(SHA256.hex(f.bytes))  \(f.name)\n" }
    files.append(("SHA256SUMS", Array(manifest.utf8)))
    return Result(
      diff: diff, directoryName: name, files: files, warnings: warnings)
  }
}
