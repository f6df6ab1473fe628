import AWXReportRender
import AWXReportTemplate
import ArgumentParser
import FoundationEssentials

/// `awx-report index DIR`: rebuilds an archive's `index.html`, `index.json` and `SHA256SUMS`
/// offline, from the job directories' `summary.json` and `SHA256SUMS`.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "Rebuild an archive's index.html, index.json and SHA256SUMS, with no network.",
    discussion: """
      Reads every workflow-job-<ID>/summary.json under DIR. Jobs the current index.json lists \
      as not archived stay listed until their directory appears.
      """)

  @Argument(help: "The archive directory.")
  var directory: String

  @Option(name: .long, help: "Directory of templates overriding the built-in ones.")
  var templates: String?

  @Flag(name: .long, help: "Fail when the SVG 1.1 DTD is not installed (default: warn).")
  var strict = false

  @Flag(name: [.short, .long], help: "Print nothing but errors.")
  var quiet = false

  func run() throws {
    do throws(CommandError) {
      guard isDirectory(directory) else {
        throw .unreadable(path: directory, reason: "no such directory")
      }
      let written = try Self.rebuild(
        ArchiveDirectory(path: directory), templatesDir: templates, strict: strict)
      if !quiet { for p in written { Output.line(p) } }
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
  }

  /// Rebuilds the index of `archive`, keeping its listed failures; returns the paths written.
  static func rebuild(_ archive: ArchiveDirectory, templatesDir: String?, strict: Bool)
    throws(CommandError) -> [String]
  {
    archive.removeLeftovers()
    let library: TemplateLibrary
    do {
      library = try ReportTemplates.library(overrideDirectory: templatesDir)
    } catch {
      throw .template(error)
    }
    var warnings: [String] = []
    let entries = archive.scanEntries()
    let present = Set(entries.map(\.id))
    let written = try archive.writeIndex(
      entries: entries, failures: archive.previousFailures().filter { !present.contains($0.id) },
      templates: library,
      strictValidation: strict, warnings: &warnings)
    for w in warnings { Diagnostics.warning(w) }
    return written
  }
}
