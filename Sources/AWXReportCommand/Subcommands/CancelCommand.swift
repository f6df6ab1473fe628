import AWXReportFetch
import AWXReportRender
import ArgumentParser
import FoundationEssentials

/// `awx-report cancel ID`: asks AWX to cancel a workflow job, and with `--wait` waits until it
/// is canceled.
struct CancelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cancel",
    abstract: "Cancel a workflow job; with --wait, wait until AWX reports it canceled.",
    discussion: """
      A running workflow stays "running" until AWX has canceled its children, so --wait may \
      take a few scheduler cycles. A job that already finished cannot be canceled: that is an \
      error naming its status (exit 1). The cancel request is sent once; if its outcome is \
      unknown (the connection broke after sending), the error says how to check.
      """)

  @Argument(help: "The workflow job's id.")
  var id: Int

  @Flag(help: "Wait until AWX reports the job finished, and print its final status.")
  var wait = false

  @Option(help: "Seconds between status checks with --wait.")
  var interval: Double = 2

  @Option(
    help: ArgumentHelp(
      "Give up waiting after DURATION (e.g. 5m; default 10m).", valueName: "duration"))
  var timeout: WatchFlags.Duration = WatchFlags.Duration(seconds: 600)

  @Flag(name: [.short, .long], help: "Print nothing but errors.")
  var quiet = false

  @OptionGroup var connection: WatchConnectionFlags

  func validate() throws {
    guard id > 0 else { throw ValidationError("the workflow job id must be a positive integer") }
    guard interval > 0 else { throw ValidationError("--interval must be positive") }
  }

  func run() throws {
    do throws(CommandError) {
      let client = try connection.client(
        environment: ProcessInfo.processInfo.environment, quiet: quiet)
      let root: String
      let result: AWXClient.CancelResult
      do {
        root = try client.resolvedAPIRoot()
        result = try client.cancelWorkflowJob(id, root: root)
      } catch {
        throw .other(error.description)
      }
      if case .notCancelable(let status) = result {
        throw .other("workflow job \(id) cannot be canceled: it is already \(status.rawValue)")
      }
      guard wait else {
        if !quiet { Output.line("workflow job \(id): cancel requested") }
        return
      }
      StopSignal.install()
      let status = try CancelWaiter.wait(
        client: client, jobID: id, root: root, interval: interval, limit: timeout.seconds)
      if !quiet { Output.line("workflow job \(id): \(status.rawValue)") }
      guard status == .canceled else {
        throw .other(
          "workflow job \(id) ended \(status.rawValue) before the cancel took effect")
      }
    } catch {
      Diagnostics.report(error)
      // Ctrl-C or SIGTERM while waiting: the cancel was sent; exit as a signal would.
      if let sig = StopSignal.received { throw ExitCode(128 + sig) }
      throw ExitCode(ExitStatus.toolFailed)
    }
  }
}
