import AWXReportTestSupport
import Foundation
import Testing

@Suite struct TemplatesOptionTests {
  @Test func overriddenCSSReachesTheReport() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let templates = dir.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    try Data("body { font-family: \"ACME Corporate Sans\"; }\n".utf8)
      .write(to: templates.appendingPathComponent("report.css"))
    let out = dir.appendingPathComponent("out")
    let r = try awxReport([
      "render", examplePath, "--out", out.path, "--templates", templates.path, "-q",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let html = String(
      decoding: FileManager.default.contents(
        atPath: out.appendingPathComponent("workflow-job-4711/report.html").path) ?? Data(),
      as: UTF8.self)
    #expect(html.contains("ACME Corporate Sans"))
  }

  @Test func brokenTemplateShowsPositionAndCaretAndWritesNothing() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let partials = dir.appendingPathComponent("templates/partials")
    try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
    try Data("<section>\n  {{#nodes}}<p>{{name}}</p>\n</section>\n".utf8)
      .write(to: partials.appendingPathComponent("summary.html.mustache"))
    let out = dir.appendingPathComponent("out")
    let r = try awxReport([
      "render", examplePath, "--out", out.path, "--templates",
      dir.appendingPathComponent("templates").path,
    ])
    #expect(r.status == 1)
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("awx-report: error: ") == true, "\(r.stderr)")
    #expect(
      lines.first?.contains("summary.html.mustache:2:3: error: unclosed section 'nodes'") == true,
      "\(r.stderr)")
    #expect(lines.contains { $0.contains("{{#nodes}}<p>{{name}}</p>") })
    #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "^" || $0.hasSuffix("^") })
    #expect(
      !FileManager.default.fileExists(atPath: out.appendingPathComponent("workflow-job-4711").path))
  }

  @Test func missingTemplatesDirectory() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    let missing = dir.appendingPathComponent("no-templates")
    let r = try awxReport(["render", examplePath, "--out", out.path, "--templates", missing.path])
    #expect(r.status == 1)
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(r.stderr.contains(missing.path))
    #expect(tree(dir).isEmpty, "nothing is written when the templates are missing")
  }
}
