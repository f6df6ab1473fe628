import FoundationEssentials

/// Writes a built report directory, then says where.
enum Publisher {
  /// Publishes `report` atomically under `options.outDir`, prints its warnings on stderr and,
  /// unless `quiet`, the path of every file on stdout.
  static func publish(_ report: ArtifactSet, options: ReportOptions, quiet: Bool)
    throws(CommandError)
  {
    let dir = OutputDirectory(
      parent: URL(fileURLWithPath: options.outDir, isDirectory: true), name: report.directoryName)
    let files = report.files
    try dir.publish(files)
    for w in report.warnings { Diagnostics.warning(w) }
    if !quiet {
      let base = appendingPathComponent(options.outDir, report.directoryName)
      for f in files { Output.line(appendingPathComponent(base, f.name)) }
    }
  }
}
