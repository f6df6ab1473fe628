import AWXReportFetch
import ArgumentParser
import FoundationEssentials

/// `awx-report watch ID`: follows a running workflow job until it finishes, then writes its
/// snapshot and reports exactly as `fetch` would.
struct WatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Follow a workflow job until it finishes, then write its snapshot and reports.",
    discussion: """
      The first poll reads the whole run; later polls ask AWX only for what changed (2 \
      requests when nothing did, whatever the run's size). On a terminal a status board is \
      redrawn on stderr; elsewhere one line per change. Passing failures (5xx, 429, resets, \
      timeouts) are retried without ending the watch. --timeout writes the report as it stands \
      and exits 4; Ctrl-C or SIGTERM writes it and exits 130 or 143. The job is canceled only \
      with --cancel-on-timeout. Connection settings as for fetch; the per-request limit is \
      --request-timeout.
      """)

  @Argument(help: "The workflow job's id.")
  var id: Int

  @OptionGroup var connection: WatchConnectionFlags
  @OptionGroup var watch: WatchFlags
  @OptionGroup var report: ReportFlags

  func validate() throws {
    guard id > 0 else { throw ValidationError("the workflow job id must be a positive integer") }
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let code: ExitCode?
    do throws(CommandError) {
      let client = try connection.client(environment: environment, quiet: report.quiet)
      code = try WatchSession(
        client: client, jobID: id, flags: watch, report: report, environment: environment
      ).run()
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
    if let code { throw code }
  }
}

extension WatchConnectionFlags {
  /// A client for these settings; prints the settings' warnings and, with `-v`, each request.
  func client(environment: [String: String], quiet: Bool) throws(CommandError) -> AWXClient {
    let settings = try settings(environment: environment)
    for warning in settings.warnings { Diagnostics.warning(warning.description) }
    let flags = self
    do {
      return try AWXClient(
        settings: settings, userAgent: "awx-report/\(AWXReport.version)",
        observer: { event in
          if let line = flags.logLine(for: event) { Diagnostics.note(line) }
        })
    } catch {
      throw .other(error.description)
    }
  }
}

extension ReportFlags {
  /// How a watch shows progress: nothing with `-q`, a board on a terminal, lines elsewhere.
  var displayMode: WatchDisplay.Mode {
    quiet ? .quiet : Diagnostics.stderrIsTerminal ? .board : .lines
  }
}
