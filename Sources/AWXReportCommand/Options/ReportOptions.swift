import AWXReportLayout
import AWXReportModel

/// How to render: shared by every command that writes a report.
package struct ReportOptions: Sendable {
  /// The parent output directory.
  package var outDir: String
  /// The graph's direction.
  package var rankDirection: RankDirection
  /// A directory whose templates override the built-in ones.
  package var templatesDir: String?
  /// Mask secret-looking values.
  package var redact: Bool
  /// A missing SVG DTD is an error rather than a warning.
  package var strictValidation: Bool
  /// The time printed as "generated"; nil means the snapshot's fetch time.
  package var generatedAt: Timestamp?
  /// The formats to write.
  package var formats: Set<OutputFormat>

  package init(
    outDir: String = "output", rankDirection: RankDirection = .topToBottom,
    templatesDir: String? = nil, redact: Bool = true, strictValidation: Bool = false,
    generatedAt: Timestamp? = nil, formats: Set<OutputFormat> = Set(OutputFormat.allCases)
  ) {
    self.outDir = outDir
    self.rankDirection = rankDirection
    self.templatesDir = templatesDir
    self.redact = redact
    self.strictValidation = strictValidation
    self.generatedAt = generatedAt
    self.formats = formats
  }

  /// `SOURCE_DATE_EPOCH` from `environment`, when set to a valid integer.
  static func sourceDateEpoch(_ environment: [String: String]) -> Timestamp? {
    guard let text = environment["SOURCE_DATE_EPOCH"], let secs = Int64(text) else { return nil }
    return Timestamp(seconds: secs)
  }
}
