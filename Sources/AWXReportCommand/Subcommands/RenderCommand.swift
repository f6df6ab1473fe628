import AWXReportModel
import ArgumentParser
import Dispatch
import FoundationEssentials
import Synchronization

/// `awx-report render SNAPSHOT.json...`: rebuilds every report from snapshots, offline. Several
/// snapshots (an archive's `DIR/*/snapshot.json`) are rendered in parallel, then the index of
/// `--out` is rebuilt.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render the reports of saved snapshots, with no network.",
    discussion: """
      With several snapshots (for example an archive's DIR/*/snapshot.json after a template \
      change) they are rendered in parallel, one per core, and the archive index of --out \
      (index.html, index.json, SHA256SUMS) is rebuilt; so is an index already in --out. A \
      snapshot that fails is named on stderr, the others are still written, and the exit \
      status is 1.
      """)

  @Argument(help: "Snapshot files written by 'awx-report fetch' or 'archive'.")
  var snapshots: [String]

  @OptionGroup var report: ReportFlags

  func validate() throws {
    guard !snapshots.isEmpty else { throw ValidationError("name at least one snapshot file") }
  }

  func run() throws {
    let options = report.options(environment: ProcessInfo.processInfo.environment)
    if snapshots.count == 1 { return try renderOne(snapshots[0], options: options) }
    let renderer = ReportRenderer(options: options)
    let results = Self.renderAll(snapshots, renderer: renderer, options: options)
    var failed = false
    var worst: Int32 = ExitStatus.success
    for (path, result) in zip(snapshots, results) {
      switch result {
      case .failure(let error):
        failed = true
        if case .invalidSVG = error {
          Diagnostics.report(error)
        } else {
          Diagnostics.error("\(path): \(error.description)")
        }
      case .success(let done):
        for w in done.warnings { Diagnostics.warning(w) }
        if !report.quiet { for f in done.files { Output.line(f) } }
        if let code = report.exitCode(for: done.summary)?.rawValue {
          worst = Self.worse(worst, code)
        }
      }
    }
    do throws(CommandError) {
      try rebuildIndex(options: options)
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
    if failed { throw ExitCode(ExitStatus.toolFailed) }
    if worst != ExitStatus.success { throw ExitCode(worst) }
  }

  /// Rebuilds the archive index of `--out` and lists the files written.
  func rebuildIndex(options: ReportOptions) throws(CommandError) {
    let written = try IndexCommand.rebuild(
      ArchiveDirectory(path: options.outDir), templatesDir: options.templatesDir,
      strict: options.strictValidation)
    if !report.quiet { for p in written { Output.line(p) } }
  }

  /// One snapshot, as `render` always did.
  func renderOne(_ snapshot: String, options: ReportOptions) throws {
    let result: ArtifactSet
    do throws(CommandError) {
      let renderer = StageClock.measure("templates") { ReportRenderer(options: options) }
      result = try StageClock.measure("build") { () throws(CommandError) in
        try renderer.build(snapshotFile: snapshot)
      }
      try StageClock.measure("publish") { () throws(CommandError) in
        try Publisher.publish(result, options: options, quiet: report.quiet)
      }
      if FileManager.default.fileExists(
        atPath: appendingPathComponent(options.outDir, ArchiveDirectory.indexJSON))
      {
        try rebuildIndex(options: options)
      }
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
    if let code = report.exitCode(for: result.summary) { throw code }
  }

  /// What one snapshot of several came to.
  struct Rendered: Sendable {
    var files: [String]
    var warnings: [String]
    var summary: RunSummary
  }

  /// Renders and publishes every snapshot, one per core at a time; results in input order.
  static func renderAll(_ paths: [String], renderer: ReportRenderer, options: ReportOptions)
    -> [Result<Rendered, CommandError>]
  {
    let results = Mutex([Result<Rendered, CommandError>?](repeating: nil, count: paths.count))
    let next = Atomic<Int>(0)
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let i = next.add(1, ordering: .relaxed).oldValue
        guard i < paths.count else { return }
        let result = Result { () throws(CommandError) -> Rendered in
          let set = try renderer.build(snapshotFile: paths[i])
          let files = set.files
          try OutputDirectory(
            parent: URL(fileURLWithPath: options.outDir, isDirectory: true), name: set.directoryName
          ).publish(files)
          let base = appendingPathComponent(options.outDir, set.directoryName)
          return Rendered(
            files: files.map { appendingPathComponent(base, $0.name) },
            warnings: set.warnings, summary: set.summary)
        }
        results.withLock { $0[i] = result }
      }
    }
    return results.withLock { $0.map { $0 ?? .failure(.other("not rendered")) } }
  }

  /// The exit code that says more: failed (2) over canceled (3) over not finished (4).
  static func worse(_ a: Int32, _ b: Int32) -> Int32 {
    let rank: [Int32: Int] = [
      ExitStatus.runFailed: 3, ExitStatus.runCanceled: 2, ExitStatus.runNotFinished: 1,
    ]
    return (rank[b] ?? 0) > (rank[a] ?? 0) ? b : a
  }
}
