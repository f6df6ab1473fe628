import ArgumentParser
import Foundation

/// `awx-report render SNAPSHOT.json`: rebuilds every report from a snapshot, offline.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render the reports of a saved snapshot, with no network.")

  @Argument(help: "The snapshot file written by 'awx-report fetch'.")
  var snapshot: String

  @OptionGroup var report: ReportFlags

  func run() throws {
    let result: ArtifactSet
    do throws(CommandError) {
      let bytes = try InputFile.read(snapshot)
      let options = report.options(environment: ProcessInfo.processInfo.environment)
      result = try ReportRenderer(options: options).build(snapshotBytes: bytes, source: snapshot)
      try Publisher.publish(result, options: options, quiet: report.quiet)
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
    if let code = report.exitCode(for: result.summary) { throw code }
  }
}
