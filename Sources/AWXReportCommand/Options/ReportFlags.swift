import ArgumentParser

/// Flags shared by every command that writes a report (`render`, `fetch`).
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
      outDir: out, rankDirection: rankdir == .LR ? .leftToRight : .topToBottom,
      templatesDir: templates, redact: !noRedact, strictValidation: strict,
      generatedAt: ReportOptions.sourceDateEpoch(environment))
  }
}
