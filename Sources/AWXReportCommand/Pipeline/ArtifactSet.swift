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
  /// SHA-256 digests already known (the snapshot's is computed for the report's footer).
  private var digests: [Artifact: String] = [:]

  /// An empty set for the run `summary` describes, keeping the artifacts of `formats`.
  package init(summary: RunSummary, formats: Set<OutputFormat>) {
    self.summary = summary
    self.directoryName = Self.directoryName(jobID: summary.job.id)
    self.formats = formats
  }

  /// The directory's name for workflow job `jobID`, `workflow-job-<ID>`.
  package static func directoryName(jobID: Int) -> String {
    "workflow-job-\(jobID)"
  }

  /// Whether `artifact` is written.
  package func selects(_ artifact: Artifact) -> Bool {
    artifact.format.map(formats.contains) ?? true
  }

  /// Keeps `bytes` as `artifact`, when it is selected; `sha256` is its digest when the caller
  /// already has it.
  package mutating func add(_ artifact: Artifact, _ bytes: [UInt8], sha256: String? = nil) {
    guard selects(artifact) else { return }
    contents[artifact] = bytes
    digests[artifact] = sha256
  }

  /// The bytes of `artifact`, when it was added.
  package subscript(_ artifact: Artifact) -> [UInt8]? { contents[artifact] }

  /// The files to write, in order, `SHA256SUMS` last.
  package var files: [(name: String, bytes: [UInt8])] {
    let present = Artifact.allCases.filter { contents[$0] != nil }
    let artifacts = present.compactMap { a in contents[a].map { (name: a.fileName, bytes: $0) } }
    return artifacts + [(Artifact.manifestName, manifest(present))]
  }

  /// `SHA256SUMS` over `artifacts`, as `sha256sum -c` reads it: one `<hex>  <name>` line each.
  /// The pipeline hands every file in with its digest, made on the core that made the file;
  /// a file added without one is hashed here.
  private func manifest(_ artifacts: [Artifact]) -> [UInt8] {
    var text = ""
    for a in artifacts {
      text += "\(digests[a] ?? SHA256.hex(contents[a] ?? []))  \(a.fileName)\n"
    }
    return Array(text.utf8)
  }
}
