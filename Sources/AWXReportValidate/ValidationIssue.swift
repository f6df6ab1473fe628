/// One finding about an SVG document, with the position libxml2 (or the tree) gives for it.
///
/// Lines and columns are 1-based. When no column is known (DTD and structural findings are
/// reported per element) the column is 1; file-level findings sit at `1:1`.
package struct ValidationIssue: Sendable, Equatable, Hashable {
  /// How serious a finding is. Only errors make a report invalid.
  package enum Severity: String, Sendable, Equatable, Hashable {
    /// The document must not be published.
    case error
    /// Worth reading, but the document may be published.
    case warning
  }

  /// Which check produced a finding.
  package enum Rule: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Well-formedness and namespaces (libxml2's parser).
    case xml
    /// Validity against the W3C SVG 1.1 DTD, and DTD availability.
    case dtd
    /// Our structural rules: root, `viewBox`, unique ids, edge and node titles.
    case structure
    /// Scripts, event handlers, external or `javascript:` URLs, `foreignObject`, entities.
    case security
  }

  /// How serious the finding is.
  package var severity: Severity
  /// 1-based line.
  package var line: Int
  /// 1-based column, or 1 when unknown.
  package var column: Int
  /// One-line message, without a trailing newline.
  package var message: String
  /// The check that produced the finding.
  package var rule: Rule

  /// Creates a finding.
  /// - Parameters:
  ///   - severity: How serious the finding is.
  ///   - line: 1-based line (values below 1 become 1).
  ///   - column: 1-based column (values below 1, meaning unknown, become 1).
  ///   - message: One-line message.
  ///   - rule: The check that produced the finding.
  package init(severity: Severity, line: Int, column: Int, message: String, rule: Rule) {
    self.severity = severity
    self.line = max(line, 1)
    self.column = max(column, 1)
    self.message = message
    self.rule = rule
  }

  /// `file:line:column: severity: message`, the format editors and compilers use.
  /// - Parameter fileName: The file name to print first.
  /// - Returns: One line, without a trailing newline.
  package func textLine(fileName: String) -> String {
    "\(fileName):\(line):\(column): \(severity.rawValue): \(message)"
  }
}
