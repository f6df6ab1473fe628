/// Everything `SVGValidator` found in one document.
package struct ValidationReport: Sendable, Equatable {
  /// The file name used in every text line (not opened by the validator).
  package var fileName: String
  /// Findings, sorted by line and column; ties keep the order the checks ran in.
  package var issues: [ValidationIssue]
  /// Whether the document was validated against the SVG 1.1 DTD.
  package var dtdStatus: DTDStatus
  /// Why the DTD was unavailable, when ``dtdStatus`` is ``DTDStatus/unavailable``. In strict
  /// mode the same text is also an error in ``issues``; otherwise it is only reported here,
  /// so a caller validating many files can print it once.
  package var dtdNotice: String?

  /// Creates a report.
  /// - Parameters:
  ///   - fileName: The file name used in text output.
  ///   - issues: The findings.
  ///   - dtdStatus: Whether the DTD check ran.
  ///   - dtdNotice: Why the DTD was unavailable, if it was.
  package init(
    fileName: String, issues: [ValidationIssue], dtdStatus: DTDStatus, dtdNotice: String? = nil
  ) {
    self.fileName = fileName
    self.issues = issues
    self.dtdStatus = dtdStatus
    self.dtdNotice = dtdNotice
  }

  /// `true` when the document was validated against the SVG 1.1 DTD.
  package var dtdChecked: Bool { dtdStatus == .checked }

  /// `true` when the DTD was not available (see ``DTDStatus/unavailable``).
  package var dtdUnavailable: Bool { dtdStatus == .unavailable }

  /// The findings with severity ``ValidationIssue/Severity/error``.
  package var errors: [ValidationIssue] { issues.filter { $0.severity == .error } }

  /// `true` when there is no error (warnings are allowed).
  package var isValid: Bool { !issues.contains { $0.severity == .error } }

  /// One `file:line:column: severity: message` line per finding, in report order.
  /// - Returns: Lines without trailing newlines.
  package func textLines() -> [String] {
    issues.map { $0.textLine(fileName: fileName) }
  }
}
