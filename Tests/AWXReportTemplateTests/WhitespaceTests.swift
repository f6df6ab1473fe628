import AWXReportTemplate
import Testing

@Suite("Standalone lines")
struct WhitespaceTests {
  @Test func standaloneSectionTagsRemoveTheirLines() throws {
    let source = "<ul>\n  {{#rows}}\n  <li>{{.}}</li>\n  {{/rows}}\n</ul>\n"
    #expect(
      try render(source, ["rows": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
  }

  @Test func crlfLineEndings() throws {
    #expect(try render("a\r\n{{#t}}\r\nb\r\n{{/t}}\r\nc", ["t": true]) == "a\r\nb\r\nc")
  }

  @Test func inlineTagsKeepWhitespace() throws {
    #expect(try render("  {{#t}}x{{/t}}\n", ["t": true]) == "  x\n")
    #expect(try render(" | {{#t}}\t|\t{{/t}} | \n", ["t": true]) == " | \t|\t | \n")
  }

  @Test func interpolationIsNeverStandalone() throws {
    #expect(try render("  {{x}}\n", ["x": ""]) == "  \n")
  }

  @Test func twoTagsOnALineAreNotStandalone() throws {
    #expect(try render("{{#t}}{{/t}}\nx", ["t": true]) == "\nx")
  }

  @Test func standaloneAtStartAndEndOfSource() throws {
    #expect(try render("  {{#t}}\n#{{/t}}\n/", ["t": true]) == "#\n/")
    #expect(try render("#{{#t}}\n/\n  {{/t}}", ["t": true]) == "#\n/\n")
  }
}
