import AWXReportModel

/// How to render: shared by `render` and `fetch`.
package struct ReportOptions: Sendable {
  /// The parent output directory.
  package var outDir: String
  /// `TB` or `LR`.
  package var rankDirection: String
  /// A directory whose templates override the built-in ones.
  package var templatesDir: String?
  /// Mask secret-looking values in extra_vars.
  package var redact: Bool
  /// A missing SVG DTD is an error rather than a warning.
  package var strictValidation: Bool
  /// The time printed as "generated"; nil means the snapshot's fetch time.
  package var generatedAt: Timestamp?

  /// Creates options.
  package init(
    outDir: String = "output", rankDirection: String = "TB", templatesDir: String? = nil,
    redact: Bool = true, strictValidation: Bool = false, generatedAt: Timestamp? = nil
  ) {
    self.outDir = outDir
    self.rankDirection = rankDirection
    self.templatesDir = templatesDir
    self.redact = redact
    self.strictValidation = strictValidation
    self.generatedAt = generatedAt
  }

  /// `SOURCE_DATE_EPOCH` from `environment`, when set to a valid integer.
  static func sourceDateEpoch(_ environment: [String: String]) -> Timestamp? {
    guard let text = environment["SOURCE_DATE_EPOCH"], let secs = Int64(text) else { return nil }
    return Timestamp(seconds: secs)
  }
}
