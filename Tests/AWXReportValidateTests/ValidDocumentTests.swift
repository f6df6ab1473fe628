import AWXReportTestSupport
import AWXReportValidate
import Foundation
import Testing

@Suite("Valid documents pass")
struct ValidDocumentTests {
  @Test("Hand-written SVG in our Graphviz-like convention passes")
  func handWritten() throws {
    let report = validator.validate(try fixture("valid-workflow.svg"), fileName: "v.svg")
    #expect(report.issues.isEmpty, "\(report.dump)")
    #expect(report.isValid)
    #expect(report.dtdChecked)
  }

  @Test("Committed Graphviz SVG (dot -Tsvg small-workflow.dot) passes")
  func graphvizFixture() throws {
    let report = validator.validate(
      try fixture("graphviz-small-workflow.svg"), fileName: "g.svg")
    #expect(report.issues.isEmpty, "\(report.dump)")
    #expect(report.dtdStatus == .checked)
  }

  @Test("String input is the same as its UTF-8 bytes")
  func stringInput() throws {
    let bytes = try fixture("valid-workflow.svg")
    let text = String(decoding: bytes, as: UTF8.self)
    let fromText = validator.validate(text, fileName: "v.svg")
    #expect(fromText == validator.validate(bytes, fileName: "v.svg"))
  }

  @Test("A document without DOCTYPE is validated against the SVG 1.1 DTD from the catalog")
  func noDoctype() {
    let good = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="1" height="1"/></svg>
      """
    let goodReport = validator.validate(good, fileName: "a.svg")
    #expect(goodReport.issues.isEmpty, "\(goodReport.dump)")
    #expect(goodReport.dtdChecked)

    let bad = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
      <rect width="1" height="1" text-anchor="middel"/></svg>
      """
    let badReport = validator.validate(bad, fileName: "b.svg")
    #expect(badReport.hasError(.dtd, line: 2, containing: "text-anchor"), "\(badReport.dump)")
  }

  @Test("Graphviz's own SVG passes (dot run live)", .enabled(if: Dot.path != nil))
  func graphvizLive() throws {
    let svg = try Dot.render(try fixture("small-workflow.dot"))
    let report = validator.validate(svg, fileName: "live.svg")
    #expect(report.issues.isEmpty, "\(report.dump)")
    #expect(report.dtdChecked)
  }
}

/// Runs Graphviz's `dot -Tsvg` when it is on PATH.
enum Dot {
  static let path: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    return directories.map { "\($0)/dot" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  static func render(_ source: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path ?? "/usr/bin/dot")
    process.arguments = ["-Tsvg"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(source))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return Array(data)
  }
}
