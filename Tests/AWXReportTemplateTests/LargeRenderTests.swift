import AWXReportTemplate
import Testing

/// A report-sized render, as a correctness check (timing lives in the dev benchmark, not here).
@Suite("Large render")
struct LargeRenderTests {
  static let sources: [String: String] = [
    "report.html.mustache": """
    <!DOCTYPE html>
    <html>
    <body>
      <h1>{{title}}</h1>
      <table>
        {{#rows}}
        {{>row.html.mustache}}
        {{/rows}}
        {{^rows}}
        <tr><td>No rows</td></tr>
        {{/rows}}
      </table>
    </body>
    </html>

    """,
    "row.html.mustache": """
    <tr class="{{#failed}}failed{{/failed}}{{^failed}}ok{{/failed}}">
      <td>{{id}}</td><td>{{name}}</td><td>{{elapsed}}</td>
      <td>{{description}}</td>
    </tr>

    """,
  ]

  static func rows(_ count: Int) -> TemplateValue {
    .list(
      (0..<count).map { index in
        [
          "id": .int(index), "name": "job <\(index)> & co", "elapsed": .double(Double(index) / 4),
          "failed": .bool(index % 3 == 0),
          "description": .string(String(repeating: "lorem ipsum dolor ", count: 50)),
        ]
      })
  }

  @Test func rendersAThousandRows() throws {
    let library = try TemplateLibrary(sources: Self.sources)
    let html = try library.render(
      "report.html.mustache", ["title": "Jobs & more", "rows": Self.rows(1000)])
    #expect(html.utf8.count > 1_000_000)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html>\n<body>\n  <h1>Jobs &amp; more</h1>\n"))
    #expect(html.hasSuffix("    </tr>\n  </table>\n</body>\n</html>\n"))
    #expect(
      html.contains(
        "    <tr class=\"failed\">\n      <td>999</td><td>job &lt;999&gt; &amp; co</td>"
          + "<td>249.75</td>\n"))
    #expect(html.contains("<td>1</td><td>job &lt;1&gt; &amp; co</td><td>0.25</td>"))
    #expect(html.split(separator: "<tr class=\"failed\">").count - 1 == 334)
    #expect(!html.contains("No rows"))
  }

  @Test func rendersEmptyList() throws {
    let library = try TemplateLibrary(sources: Self.sources)
    let html = try library.render("report.html.mustache", ["title": "x", "rows": []])
    #expect(html.contains("\n    <tr><td>No rows</td></tr>\n  </table>"))
  }
}
