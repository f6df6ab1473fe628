import AWXReportJSON

extension ValidationReport {
  /// Deterministic JSON for `awx-report validate --format json`.
  ///
  /// The output is an array with one object per report, in the order given. Keys always come
  /// in the same order (`file`, `valid`, `dtdChecked`, `dtdStatus`, `errorCount`,
  /// `warningCount`, `issues`; each issue `line`, `column`, `severity`, `rule`, `message`),
  /// two-space indentation, `\n` line ends and a final newline, so it can be diffed and
  /// compared byte for byte.
  /// - Parameter reports: The reports to encode.
  /// - Returns: The JSON text.
  package static func json(_ reports: [ValidationReport]) -> String {
    var out = "["
    for (index, report) in reports.enumerated() {
      out += index == 0 ? "\n" : ",\n"
      report.appendJSON(to: &out, indent: "  ")
    }
    out += reports.isEmpty ? "]\n" : "\n]\n"
    return out
  }

  private func appendJSON(to out: inout String, indent: String) {
    let inner = indent + "  "
    let warningCount = issues.count { $0.severity == .warning }
    out += "\(indent){\n"
    out += "\(inner)\"file\": \(JSONWriter.quote(fileName)),\n"
    out += "\(inner)\"valid\": \(isValid),\n"
    out += "\(inner)\"dtdChecked\": \(dtdChecked),\n"
    out += "\(inner)\"dtdStatus\": \(JSONWriter.quote(dtdStatus.rawValue)),\n"
    out += "\(inner)\"errorCount\": \(issues.count - warningCount),\n"
    out += "\(inner)\"warningCount\": \(warningCount),\n"
    if issues.isEmpty {
      out += "\(inner)\"issues\": []\n"
    } else {
      out += "\(inner)\"issues\": [\n"
      for (index, issue) in issues.enumerated() {
        out += "\(inner)  {\"line\": \(issue.line), \"column\": \(issue.column), "
        out += "\"severity\": \(JSONWriter.quote(issue.severity.rawValue)), "
        out += "\"rule\": \(JSONWriter.quote(issue.rule.rawValue)), "
        out += "\"message\": \(JSONWriter.quote(issue.message))}"
        out += index == issues.count - 1 ? "\n" : ",\n"
      }
      out += "\(inner)]\n"
    }
    out += "\(indent)}"
  }
}
