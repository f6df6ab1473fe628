import AWXReportAPI
import AWXReportFetch
import AWXReportModel
import ArgumentParser
import FoundationEssentials

/// `awx-report fetch ID`: fetches a workflow job over the AWX API, saves the snapshot and
/// renders every report from it, through the same pipeline as `render`.
struct FetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Fetch a workflow job from AWX and write its snapshot and reports.",
    discussion: """
      Connection settings come from flags, else from the environment as awxkit reads it: \
      CONTROLLER_HOST/TOWER_HOST, CONTROLLER_OAUTH_TOKEN, CONTROLLER_TOKEN, \
      TOWER_OAUTH_TOKEN, TOWER_TOKEN, CONTROLLER_USERNAME/CONTROLLER_PASSWORD, \
      CONTROLLER_VERIFY_SSL. Prefer --token-file or --password-file (or - for stdin) so \
      secrets stay out of shell history. Secrets are never written to the snapshot, the \
      reports, logs or error messages.
      """)

  @Argument(help: "The workflow job's id.")
  var id: Int

  @OptionGroup var connection: ConnectionFlags

  @Option(help: "Levels of nested workflows to fetch (0: none).")
  var depth: Int = AWXFetcher.defaultDepth

  @Option(
    help: ArgumentHelp(
      "What to fetch about failed child jobs: failed (their failed tasks, host summaries and "
        + "last output lines, at most 3 requests per failed job) or none.",
      valueName: "failed|none"))
  var events: String = "failed"

  @Option(help: "The most events asked for per failed job and request (1-200).")
  var maxEvents: Int = EventOptions.defaultMaxEvents

  @OptionGroup var report: ReportFlags

  func validate() throws {
    guard id > 0 else { throw ValidationError("the workflow job id must be a positive integer") }
    guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
    guard events == "failed" || events == "none" else {
      throw ValidationError("--events must be failed or none")
    }
    guard (1...200).contains(maxEvents) else {
      throw ValidationError("--max-events must be from 1 to 200 (AWX's page size cap)")
    }
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let result: ArtifactSet
    do throws(CommandError) {
      let settings = try connection.settings(environment: environment)
      for warning in settings.warnings { Diagnostics.warning(warning.description) }
      let progress = ProgressLine(enabled: !report.quiet && Diagnostics.stderrIsTerminal)
      let connection = self.connection
      let fetcher: AWXFetcher
      do {
        fetcher = try AWXFetcher(
          settings: settings, userAgent: "awx-report/\(AWXReport.version)",
          observer: { event in
            if let line = connection.logLine(for: event) {
              progress.clear()
              Diagnostics.note(line)
            }
            if case .progress(let p) = event { progress.show(p) }
          })
      } catch {
        throw .other(error.description)
      }
      let snapshot: Snapshot
      do {
        snapshot = try fetcher.fetch(
          workflowJobID: id, depth: depth,
          events: EventOptions(failed: events == "failed", maxEvents: maxEvents), now: Self.now(),
          tool: "awx-report \(AWXReport.version)")
      } catch {
        progress.clear()
        throw .other(error.description)
      }
      progress.clear()
      let options = report.options(environment: environment)
      result = try ReportRenderer(options: options).build(
        snapshotBytes: snapshot.encoded(), source: "workflow job \(id) from \(snapshot.host)")
      try Publisher.publish(result, options: options, quiet: report.quiet)
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
    if let code = report.exitCode(for: result.summary) { throw code }
  }

  static func now() -> Timestamp {
    Timestamp(microseconds: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()))
  }
}

/// One updating line on stderr while fetching, only on a terminal.
final class ProgressLine: @unchecked Sendable {
  private let enabled: Bool
  private var shown = false

  init(enabled: Bool) { self.enabled = enabled }

  func show(_ p: FetchProgress) {
    guard enabled else { return }
    shown = true
    Diagnostics.progress(
      "awx-report: \(p.requests) requests, \(p.nodes) nodes, \(p.workflows) workflow\(p.workflows == 1 ? "" : "s")"
    )
  }

  func clear() {
    guard enabled, shown else { return }
    shown = false
    Diagnostics.endProgress()
  }
}
