import AWXReportAPI

/// The files of one report directory: which are selected, their bytes, their order, and the
/// `SHA256SUMS` manifest over them. The one place that knows the list of output files.
package struct ArtifactSet: Sendable {
  /// The directory's name, `workflow-job-<ID>`.
  package let directoryName: String
  /// The formats to write.
  package let formats: Set<OutputFormat>
  /// Non-fatal notes for stderr (a missing DTD).
  package var warnings: [String] = []
  private var contents: [Artifact: [UInt8]] = [:]

  /// An empty set for `directoryName` that keeps the artifacts of `formats`.
  package init(directoryName: String, formats: Set<OutputFormat>) {
    self.directoryName = directoryName
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

  /// The files to write, in order.
  package var files: [(name: String, bytes: [UInt8])] {
    Artifact.allCases.compactMap { a in contents[a].map { (a.fileName, $0) } }
  }
}
