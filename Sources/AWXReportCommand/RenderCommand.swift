import AWXReportModel
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
    do throws(CommandError) {
      let bytes = try InputFile.read(snapshot)
      let options = report.options(environment: ProcessInfo.processInfo.environment)
      let result = try ReportPipeline(options: options).build(snapshotBytes: bytes, source: snapshot)
      try Publisher.publish(result, options: options, quiet: report.quiet)
    } catch {
      Diagnostics.report(error)
      throw ExitCode(1)
    }
  }
}

/// Flags shared by `render` and `fetch`.
struct ReportFlags: ParsableArguments {
  @Option(name: .long, help: "Directory to write workflow-job-<ID>/ into.")
  var out: String = "output"

  @Option(name: .long, help: "Graph direction: TB (top to bottom) or LR (left to right).")
  var rankdir: RankDir = .TB

  @Option(name: .long, help: "Directory of templates overriding the built-in ones.")
  var templates: String?

  @Flag(name: .long, help: "Show secret-looking extra_vars values instead of masking them.")
  var noRedact = false

  @Flag(name: .long, help: "Fail when the SVG 1.1 DTD is not installed (default: warn).")
  var strict = false

  @Flag(name: [.short, .long], help: "Print nothing but errors.")
  var quiet = false

  enum RankDir: String, ExpressibleByArgument, CaseIterable {
    case TB, LR
  }

  func options(environment: [String: String]) -> ReportOptions {
    ReportOptions(
      outDir: out, rankDirection: rankdir.rawValue, templatesDir: templates, redact: !noRedact,
      strictValidation: strict, generatedAt: ReportOptions.sourceDateEpoch(environment))
  }
}

/// Reads input files with errors that say what is wrong in one line.
enum InputFile {
  static func read(_ path: String) throws(CommandError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    if isDirectory.boolValue { throw .unreadable(path: path, reason: "is a directory, not a file") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "permission denied or not a regular file")
    }
    return [UInt8](data)
  }
}

/// Writes a built report and says where.
enum Publisher {
  static func publish(_ report: ReportPipeline.Report, options: ReportOptions, quiet: Bool)
    throws(CommandError)
  {
    let dir = OutputDirectory(
      parent: URL(fileURLWithPath: options.outDir, isDirectory: true), name: report.directoryName)
    try dir.publish(report.files)
    for w in report.warnings { Diagnostics.warning(w) }
    if !quiet {
      let base = (options.outDir as NSString).appendingPathComponent(report.directoryName)
      for f in report.files { Output.line((base as NSString).appendingPathComponent(f.name)) }
    }
  }
}
