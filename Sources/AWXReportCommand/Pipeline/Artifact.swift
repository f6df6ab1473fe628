/// The formats `--formats` chooses from. `SHA256SUMS` and `snapshot.json` are always written.
package enum OutputFormat: String, CaseIterable, Sendable {
  /// `graph.dot`.
  case dot
  /// `graph.svg`, `timeline.svg` and, for a large run, `focus.svg`.
  case svg
  /// `report.html`.
  case html
  /// `summary.json`.
  case json
  /// `junit.xml`.
  case junit
  /// `summary.md`.
  case md
}

/// One file of a report directory. The order of the cases is the order in which the files are
/// listed on stdout; `SHA256SUMS`, which covers the others, comes last.
///
/// A new output is one new case here, with its file name and format, and one line in
/// ``ReportRenderer`` that makes its bytes.
package enum Artifact: String, CaseIterable, Sendable {
  case dot = "graph.dot"
  case graphSVG = "graph.svg"
  /// The failure focus of a large run (``LargeRun``); not written for a small one.
  case focusSVG = "focus.svg"
  case html = "report.html"
  case timeline = "timeline.svg"
  case summaryJSON = "summary.json"
  case junit = "junit.xml"
  case summaryMD = "summary.md"
  case snapshot = "snapshot.json"

  /// The manifest's file name.
  package static let manifestName = "SHA256SUMS"

  /// The file's name inside `workflow-job-<ID>/`.
  package var fileName: String { rawValue }

  /// The `--formats` value that selects it; nil when it is always written.
  package var format: OutputFormat? {
    switch self {
    case .dot: return .dot
    case .graphSVG, .focusSVG, .timeline: return .svg
    case .html: return .html
    case .summaryJSON: return .json
    case .junit: return .junit
    case .summaryMD: return .md
    case .snapshot: return nil
    }
  }
}
