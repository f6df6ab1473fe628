import AWXReportTemplate
import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportRender

@Suite("HTML report templates")
struct HTMLTemplateTests {
  /// Every `*.mustache` and `*.css` under `templates/`, by relative path.
  static func templatesOnDisk() throws -> [String: String] {
    let root = repoRoot.appendingPathComponent("templates").resolvingSymlinksInPath().path
    let names = try #require(FileManager.default.subpaths(atPath: root))
    var result: [String: String] = [:]
    for name in names where name.hasSuffix(".mustache") || name.hasSuffix(".css") {
      let data = try #require(FileManager.default.contents(atPath: root + "/" + name))
      result[name] = String(decoding: data, as: UTF8.self)
    }
    return result
  }

  @Test("the embedded templates are exactly templates/ (run `make templates` if not)")
  func embeddedMatchesDisk() throws {
    let disk = try Self.templatesOnDisk()
    let embedded = ReportTemplates.embeddedSources
    #expect(Set(disk.keys) == Set(embedded.keys), "run make templates")
    for (name, text) in disk {
      #expect(embedded[name] == text, "\(name) differs from its embedded copy: run make templates")
    }
  }

  @Test("the embedded templates parse with strict partials")
  func embeddedParse() throws {
    let library = try ReportTemplates.library(overrideDirectory: nil)
    #expect(library[HTMLReport.pageTemplate] != nil)
  }

  /// A fresh override directory with an empty `partials/`; the caller removes it.
  func overrideDirectory() throws -> URL {
    let url = try temporaryDirectory(prefix: "awx-report-templates")
    try FileManager.default.createDirectory(
      at: url.appendingPathComponent("partials"), withIntermediateDirectories: true)
    return url
  }

  @Test("a restyled report.css and a new partial show up")
  func override() throws {
    let dir = try overrideDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("body { background: rebeccapurple; }\n".utf8)
      .write(to: dir.appendingPathComponent("report.css"))
    try Data("{{#footer}}<footer>Acme Corp: {{tool}}</footer>{{/footer}}\n".utf8)
      .write(to: dir.appendingPathComponent("partials/footer.html.mustache"))
    try Data("ignored".utf8).write(to: dir.appendingPathComponent("README.txt"))
    let library = try ReportTemplates.library(overrideDirectory: dir.path)
    let html = try HTMLReport(templates: library).render(try exampleReportInput())
    #expect(html.contains("body { background: rebeccapurple; }"))
    #expect(!html.contains("--surface"))
    #expect(html.contains("<footer>Acme Corp: awx-report 0.1.0</footer>"))
    #expect(html.contains("<section id=\"summary\""))
  }

  @Test("a broken override gives file:line:column")
  func brokenOverride() throws {
    let dir = try overrideDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("{{#summary}}\n  <p>{{/sumary}}</p>\n".utf8)
      .write(to: dir.appendingPathComponent("partials/summary.html.mustache"))
    do {
      _ = try ReportTemplates.library(overrideDirectory: dir.path)
      Issue.record("expected an error")
    } catch {
      #expect(
        error.description.hasPrefix(dir.path + "/partials/summary.html.mustache:2:6: error:"),
        "\(error.description)")
    }
  }

  @Test("a missing templates directory is a clear error")
  func missingDirectory() {
    #expect(throws: ReportTemplatesError.directoryNotFound("/nonexistent/awx-templates")) {
      try ReportTemplates.library(overrideDirectory: "/nonexistent/awx-templates")
    }
    let error = ReportTemplatesError.directoryNotFound("/x")
    #expect(error.description == "templates directory '/x' does not exist")
  }
}
