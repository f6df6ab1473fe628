import ArgumentParser

/// The `awx-report` command: fetch, list, archive or re-render AWX workflow job runs into DOT,
/// SVG and HTML reports and the CI files (summary.json, junit.xml, summary.md, SHA256SUMS).
package struct AWXReport: ParsableCommand {
  /// The tool's version, written into snapshots and report footers.
  package static let version = "0.1.0"

  package static let configuration = CommandConfiguration(
    commandName: "awx-report",
    abstract: """
      Explain, archive and attach AWX workflow job runs: HTML, SVG and DOT reports, \
      summary.json, junit.xml, summary.md and SHA256SUMS.
      """,
    discussion: """
      Exit codes: 0 the reports were written; 1 the tool failed (network, API, bad \
      snapshot, validation, I/O), explained in one line on stderr; 64 bad usage. With \
      --exit-status, once the report is written: 0 the run succeeded, 2 it failed or \
      errored, 3 it was canceled, 4 it has not finished. watch: 4 when --timeout ends it, \
      130 / 143 when SIGINT / SIGTERM does (the report is written first).
      """,
    version: version,
    subcommands: [
      FetchCommand.self, RenderCommand.self, ValidateCommand.self, ListCommand.self,
      ArchiveCommand.self, IndexCommand.self, WatchCommand.self, CancelCommand.self,
      RelaunchCommand.self, LaunchCommand.self, DiffCommand.self,
    ])

  package init() {}
}
