/// A message libxml2 reported, copied out of its `xmlError` (see `LibXML2Document.swift`).
struct LibXML2Message: Sendable, Equatable {
  /// Raised while checking validity against a DTD rather than while parsing.
  var isValidity: Bool
  var isWarning: Bool
  var line: Int
  var column: Int
  /// One line: libxml2's text with its line breaks folded into spaces.
  var text: String

  /// The message as a finding of `rule`.
  func issue(rule: ValidationIssue.Rule) -> ValidationIssue {
    ValidationIssue(
      severity: isWarning ? .warning : .error, line: line, column: column, message: text,
      rule: rule)
  }

  /// Folds libxml2's multi-line messages ("…\nBytes: 0xFF 0x00\n") into one trimmed line.
  static func oneLine(_ raw: String) -> String {
    raw.split(whereSeparator: \.isNewline)
      .map { $0.trimmingWhitespace() }
      .filter { !$0.isEmpty }
      .joined(separator: " ")
  }
}
