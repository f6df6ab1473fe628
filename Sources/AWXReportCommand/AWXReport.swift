import ArgumentParser

/// The `awx-report` command: fetch a workflow job from AWX, or re-render a snapshot, into
/// DOT, SVG and HTML reports.
package struct AWXReport: ParsableCommand {
  /// The tool's version, written into snapshots and report footers.
  package static let version = "0.1.0"

  package static let configuration = CommandConfiguration(
    commandName: "awx-report",
    abstract: "Explain, archive and attach AWX workflow job runs: DOT, SVG and HTML reports.",
    discussion: """
      Exit codes: 0 the reports were written; 1 an error (network, API, bad snapshot, \
      validation, I/O), explained in one line on stderr; 64 bad usage.
      """,
    version: version,
    subcommands: [
      FetchCommand.self, RenderCommand.self, ValidateCommand.self, ListCommand.self,
      ArchiveCommand.self, IndexCommand.self, DiffCommand.self,
    ])

  package init() {}
}
