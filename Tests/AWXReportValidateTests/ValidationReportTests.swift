import AWXReportValidate
import Testing

@Suite("Report output")
struct ValidationReportTests {
  let report = ValidationReport(
    fileName: "out/wf \"42\".svg",
    issues: [
      ValidationIssue(
        severity: .error, line: 3, column: 7, message: "Opening and ending tag mismatch",
        rule: .xml),
      ValidationIssue(
        severity: .warning, line: 0, column: 0, message: "tab\there", rule: .dtd),
    ],
    dtdStatus: .unavailable)

  @Test("Text lines: file:line:column: severity: message; unknown positions become 1")
  func textLines() {
    #expect(
      report.textLines() == [
        "out/wf \"42\".svg:3:7: error: Opening and ending tag mismatch",
        "out/wf \"42\".svg:1:1: warning: tab\there",
      ])
    #expect(!report.isValid)
    #expect(report.errors.count == 1)
  }

  @Test("JSON is deterministic, escaped and ordered")
  func json() {
    let ok = ValidationReport(fileName: "ok.svg", issues: [], dtdStatus: .checked)
    let expected = """
      [
        {
          "file": "out/wf \\"42\\".svg",
          "valid": false,
          "dtdChecked": false,
          "dtdStatus": "unavailable",
          "errorCount": 1,
          "warningCount": 1,
          "issues": [
            {"line": 3, "column": 7, "severity": "error", "rule": "xml", \
      "message": "Opening and ending tag mismatch"},
            {"line": 1, "column": 1, "severity": "warning", "rule": "dtd", \
      "message": "tab\\there"}
          ]
        },
        {
          "file": "ok.svg",
          "valid": true,
          "dtdChecked": true,
          "dtdStatus": "checked",
          "errorCount": 0,
          "warningCount": 0,
          "issues": []
        }
      ]

      """
    #expect(ValidationReport.json([report, ok]) == expected)
    #expect(ValidationReport.json([]) == "[]\n")
  }

  @Test("Messages from libxml2 are one trimmed line each")
  func oneLineMessages() {
    let bytes: [UInt8] = Array("<svg>\u{1}</svg>".utf8)
    let lines = validator.validate(bytes, fileName: "c.svg").textLines()
    #expect(!lines.isEmpty)
    for line in lines {
      #expect(!line.contains("\n"))
      #expect(line == line.trimmingCharacters(in: .whitespaces))
    }
  }
}
