import AWXReportModel
import ArgumentParser
import FoundationEssentials

/// Flags shared by every command that writes a report (`render`, `fetch`).
struct ReportFlags: ParsableArguments {
  @Option(name: .long, help: "Directory to write workflow-job-<ID>/ into.")
  var out: String = "output"

  @Option(name: .long, help: "Graph direction: TB (top to bottom) or LR (left to right).")
  var rankdir: RankDir = .TB

  @Option(name: .long, help: "Directory of templates overriding the built-in ones.")
  var templates: String?

  @Flag(
    name: .long,
    help: "Show secret-looking values (variables, explanations, output) instead of masking them.")
  var noRedact = false

  @Flag(name: .long, help: "Fail when the SVG 1.1 DTD is not installed (default: warn).")
  var strict = false

  @Flag(name: [.short, .long], help: "Print nothing but errors.")
  var quiet = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Formats to write, comma-separated: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
      discussion: "snapshot.json and SHA256SUMS are always written.", valueName: "list"))
  var formats: FormatList = FormatList(Set(OutputFormat.allCases))

  @Flag(
    name: .long,
    help: """
      Exit with the run's outcome once the report is written: 0 successful, 2 failed or \
      error, 3 canceled, 4 not finished (1 stays 'the tool failed', 64 bad usage).
      """)
  var exitStatus = false

  /// `--formats`: a comma-separated list of ``OutputFormat`` names.
  struct FormatList: ExpressibleByArgument {
    var formats: Set<OutputFormat>

    init(_ formats: Set<OutputFormat>) { self.formats = formats }

    init?(argument: String) {
      var formats: Set<OutputFormat> = []
      for name in argument.split(separator: ",", omittingEmptySubsequences: false) {
        guard let f = OutputFormat(rawValue: name.trimmingBlanks().lowercased())
        else { return nil }
        formats.insert(f)
      }
      self.formats = formats
    }

    var defaultValueDescription: String { "all" }
  }

  enum RankDir: String, ExpressibleByArgument, CaseIterable {
    case TB, LR
  }

  func options(environment: [String: String]) -> ReportOptions {
    ReportOptions(
      outDir: out, rankDirection: rankdir == .LR ? .leftToRight : .topToBottom,
      templatesDir: templates, redact: !noRedact, strictValidation: strict,
      generatedAt: ReportOptions.sourceDateEpoch(environment), formats: formats.formats)
  }

  /// With `--exit-status`, the run's outcome as an exit code when it is not 0.
  func exitCode(for summary: RunSummary) -> ExitCode? {
    guard exitStatus else { return nil }
    let code = ExitStatus.code(for: summary.job.status)
    return code == ExitStatus.success ? nil : ExitCode(code)
  }
}
