import AWXReportAPI
import AWXReportFetch
import AWXReportModel
import AWXReportRender
import ArgumentParser
import FoundationEssentials

/// `awx-report diff A B`: what changed between two runs (A the reference, usually the last good
/// run; B the run under study). Each is a snapshot file or a workflow job id fetched like
/// `fetch`. Writes `diff-<A's job id>-<B's job id>/` with `diff.json`, `diff.md`, `diff.html`,
/// both snapshots and `SHA256SUMS`, and prints a short summary.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two runs: what changed between the last good run and this one.",
    discussion: """
      A and B are each a snapshot file (from fetch, render or archive) or a workflow job id, \
      fetched with the connection options of 'fetch'. Writes --out/diff-<A>-<B>/ (A and B the \
      workflow job ids) with diff.json, diff.md, diff.html, both snapshots (snapshot-a.json, \
      snapshot-b.json) and SHA256SUMS, and prints a short summary. Nodes are matched by AWX's \
      identifier, then by template and position among their parents. Exit codes: 0 the diff \
      was written; with --exit-status 0 same verdict and node states, 2 they differ; 1 an \
      error; 64 bad usage.
      """)

  @Argument(help: "The reference run (the last good one): a snapshot file or a workflow job id.")
  var a: String

  @Argument(help: "The run to explain: a snapshot file or a workflow job id.")
  var b: String

  @OptionGroup var connection: ConnectionFlags

  @Option(help: "Levels of nested workflows to fetch for a job id (0: none).")
  var depth: Int = AWXFetcher.defaultDepth

  @Option(name: .long, help: "Directory to write diff-<A>-<B>/ into.")
  var out: String = "output"

  @Option(name: .long, help: "Graph direction: TB (top to bottom) or LR (left to right).")
  var rankdir: ReportFlags.RankDir = .TB

  @Option(name: .long, help: "Directory of templates overriding the built-in ones.")
  var templates: String?

  @Flag(name: .long, help: "Show secret-looking values instead of masking them.")
  var noRedact = false

  @Flag(name: .long, help: "Fail when the SVG 1.1 DTD is not installed (default: warn).")
  var strict = false

  @Flag(name: [.short, .long], help: "Print nothing but errors.")
  var quiet = false

  @Flag(
    name: .long,
    help: "Exit 0 when both runs have the same verdict and node states, 2 when they differ.")
  var exitStatus = false

  /// A run named on the command line.
  enum Input: Equatable {
    case file(String)
    case job(Int)

    init(_ argument: String) {
      if let id = Int(argument), id > 0, !FileManager.default.fileExists(atPath: argument) {
        self = .job(id)
      } else {
        self = .file(argument)
      }
    }
  }

  func validate() throws {
    guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
    for arg in [a, b] where arg.isEmpty {
      throw ValidationError("name a snapshot file or a workflow job id")
    }
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let redact = !noRedact
    let result: DiffRenderer.Result
    do throws(CommandError) {
      let inputs = [Input(a), Input(b)]
      var fetcher: AWXFetcher? = nil
      var bytes: [[UInt8]] = []
      for (input, argument) in zip(inputs, [a, b]) {
        switch input {
        case .file(let path):
          bytes.append(try InputFile.read(path))
        case .job(let id):
          if fetcher == nil { fetcher = try makeFetcher(environment: environment) }
          guard let fetcher else { throw .other("no connection") }
          do {
            let snapshot = try fetcher.fetch(
              workflowJobID: id, depth: depth,
              events: EventOptions(failed: true, maxEvents: EventOptions.defaultMaxEvents),
              now: FetchCommand.now(), tool: "awx-report \(AWXReport.version)")
            bytes.append(snapshot.encoded())
          } catch {
            throw .other("\(argument): \(error.description)")
          }
        }
      }
      let options = ReportOptions(
        outDir: out, rankDirection: rankdir == .LR ? .leftToRight : .topToBottom,
        templatesDir: templates, redact: redact, strictValidation: strict,
        generatedAt: ReportOptions.sourceDateEpoch(environment))
      result = try DiffRenderer(options: options).build(
        a: .init(bytes: bytes[0], argument: a), b: .init(bytes: bytes[1], argument: b))
      let dir = OutputDirectory(
        parent: URL(fileURLWithPath: out, isDirectory: true), name: result.directoryName)
      try dir.publish(result.files)
      for w in result.warnings { Diagnostics.warning(w) }
      if !quiet {
        for line in DiffText.summary(result.diff) { Output.line(line) }
        let base = appendingPathComponent(out, result.directoryName)
        for f in result.files { Output.line(appendingPathComponent(base, f.name)) }
      }
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
    if exitStatus, result.diff.verdictChanged || result.diff.statesDiffer {
      throw ExitCode(ExitStatus.runFailed)
    }
  }

  private func makeFetcher(environment: [String: String]) throws(CommandError) -> AWXFetcher {
    let settings = try connection.settings(environment: environment)
    for warning in settings.warnings { Diagnostics.warning(warning.description) }
    let connection = self.connection
    do {
      return try AWXFetcher(
        settings: settings, userAgent: "awx-report/\(AWXReport.version)",
        observer: { event in
          if let line = connection.logLine(for: event) { Diagnostics.note(line) }
        })
    } catch {
      throw .other(error.description)
    }
  }
}
