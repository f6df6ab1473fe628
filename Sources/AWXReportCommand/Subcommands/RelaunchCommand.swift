import AWXReportFetch
import ArgumentParser
import FoundationEssentials

/// `awx-report relaunch ID`: relaunches a workflow job, prints the new job's id, and with
/// `--watch` follows the new job as `watch` does.
struct RelaunchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "relaunch",
    abstract: "Relaunch a workflow job and print the new job's id; --watch follows it.",
    discussion: """
      AWX relaunches from the current workflow job template with the original prompts, so the \
      new run's graph can differ if the template was edited. The request is sent once; if its \
      outcome is unknown, the error says how to check before trying again.
      """)

  @Argument(help: "The workflow job to relaunch.")
  var id: Int

  @Flag(help: "Follow the new job until it finishes, then write its reports (as watch).")
  var watch = false

  @OptionGroup var connection: WatchConnectionFlags
  @OptionGroup var watchFlags: WatchFlags
  @OptionGroup var report: ReportFlags

  func validate() throws {
    guard id > 0 else { throw ValidationError("the workflow job id must be a positive integer") }
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    var code: ExitCode?
    do throws(CommandError) {
      let client = try connection.client(environment: environment, quiet: report.quiet)
      let newID: Int
      do {
        newID = try client.relaunchWorkflowJob(id, root: client.resolvedAPIRoot())
      } catch {
        throw .other(error.description)
      }
      code = try WatchSession.started(
        newID, follow: watch, client: client, flags: watchFlags, report: report,
        environment: environment)
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
    if let code { throw code }
  }
}
