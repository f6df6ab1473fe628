import AWXReportAPI
import AWXReportModel

/// The files of one report directory: which are selected, their bytes, their order, and the
/// `SHA256SUMS` manifest over them. The one place that knows the list of output files.
package struct ArtifactSet: Sendable {
  /// The directory's name, `workflow-job-<ID>`.
  package let directoryName: String
  /// What the run came to: for exit statuses, listings and indexes.
  package let summary: RunSummary
  /// The formats to write.
  package let formats: Set<OutputFormat>
  /// Non-fatal notes for stderr (a missing DTD).
  package var warnings: [String] = []
  private var contents: [Artifact: [UInt8]] = [:]

  /// An empty set for the run `summary` describes, keeping the artifacts of `formats`.
  package init(summary: RunSummary, formats: Set<OutputFormat>) {
    self.summary = summary
    self.directoryName = "workflow-job-\(summary.job.id)"
    self.formats = formats
  }

  /// Whether `artifact` is written.
  package func selects(_ artifact: Artifact) -> Bool {
    artifact.format.map(formats.contains) ?? true
  }

  /// Keeps `bytes` as `artifact`, when it is selected.
  package mutating func add(_ artifact: Artifact, _ bytes: [UInt8]) {
    guard selects(artifact) else { return }
    contents[artifact] = bytes
  }

  /// The bytes of `artifact`, when it was added.
  package subscript(_ artifact: Artifact) -> [UInt8]? { contents[artifact] }

  /// The files to write, in order, `SHA256SUMS` last.
  package var files: [(name: String, bytes: [UInt8])] {
    let artifacts = Artifact.allCases.compactMap { a in contents[a].map { (name: a.fileName, bytes: $0) } }
    return artifacts + [(Artifact.manifestName, Self.manifest(artifacts))]
  }

  /// `SHA256SUMS` over `files`, as `sha256sum -c` reads it: one `<hex>  <name>` line each.
  package static func manifest(_ files: [(name: String, bytes: [UInt8])]) -> [UInt8] {
    var text = ""
    for f in files { text += "\(SHA256.hex(f.bytes))  \(f.name)\n" }
    return Array(text.utf8)
  }
}
