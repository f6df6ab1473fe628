import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportCommand

@Suite struct ValidateCommandTests {
  func write(_ text: String, in dir: URL, as name: String) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  static let good = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
    <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 10 10"><title>t</title>
    <g id="node-a" class="node"><title>a</title><rect x="1" y="1" width="2" height="2"/></g>
    </svg>
    """

  @Test func validFileExitsZero() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try write(Self.good, in: dir, as: "good.svg")
    let r = try awxReport(["validate", path])
    #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
    #expect(r.stdout == "\(path): valid\n")
  }

  @Test func invalidFileReportsLineAndExitsOne() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = try write(Self.good, in: dir, as: "good.svg")
    let bad = try write(
      Self.good.replacingOccurrences(
        of: "<rect x=\"1\"", with: "<rect onload=\"alert(1)\" x=\"1\""),
      in: dir, as: "bad.svg")
    let r = try awxReport(["validate", good, bad])
    #expect(r.status == 1)
    #expect(r.stdout.contains("\(good): valid"))
    #expect(r.stdout.contains("\(bad):4:"))
    let json = try awxReport(["validate", "--format", "json", good, bad])
    #expect(json.status == 1)
    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
    #expect(parsed?.count == 2)
    #expect(parsed?[0]["valid"] as? Bool == true)
    #expect(parsed?[1]["valid"] as? Bool == false)
  }

  @Test func unreadableFileIsAnError() throws {
    let r = try awxReport(["validate", "/nonexistent.svg"])
    #expect(r.status == 1)
    #expect(r.stderr == "awx-report: error: /nonexistent.svg: cannot read: no such file\n")
  }

  @Test func ourExampleGraphIsValid() throws {
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(try awxReport(["render", examplePath, "--out", out.path, "-q"]).status == 0)
    let svg = out.appendingPathComponent("workflow-job-4711/graph.svg").path
    let r = try awxReport(["validate", "--strict", svg])
    #expect(r.status == 0, "\(r.stdout)")
  }

  @Test func pipelineRefusesAnInvalidSVG() {
    let pipeline = ReportRenderer(options: ReportOptions())
    var warnings: [String] = []
    #expect(throws: CommandError.self) {
      try pipeline.validate(
        Array("<svg><script>x</script>".utf8), as: "d/graph.svg", warnings: &warnings)
    }
    do {
      try pipeline.validate(Array("<svg".utf8), as: "d/graph.svg", warnings: &warnings)
    } catch {
      #expect(error.description.hasPrefix("d/graph.svg:1:"))
    }
  }
}
