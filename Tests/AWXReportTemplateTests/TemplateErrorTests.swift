import AWXReportTemplate
import Testing

@Suite("Parse errors")
struct TemplateErrorTests {
  @Test func unclosedSectionPointsAtTheOpeningTag() throws {
    var lines = Array(repeating: "<p>{{x}}</p>", count: 11)
    lines.append("    {{#nodes}}<li>{{name}}</li>")
    lines.append("</ul>")
    let error = try #require(parseError(lines.joined(separator: "\n")))
    #expect(
      error
        == .unclosedSection(
          name: "nodes",
          at: .init(
            templateName: "report.html.mustache", position: SourcePosition(line: 12, column: 5),
            sourceLine: "    {{#nodes}}<li>{{name}}</li>")))
    #expect(
      error.description == """
        report.html.mustache:12:5: error: unclosed section 'nodes'
            {{#nodes}}<li>{{name}}</li>
            ^
        """)
  }

  @Test func unclosedOuterSection() throws {
    let error = try #require(parseError("{{#a}}\n {{#b}}\n{{/b}}"))
    #expect(error.message == "unclosed section 'a'")
    #expect(error.position == SourcePosition(line: 1, column: 1))
  }

  @Test func innermostUnclosedSectionIsReported() throws {
    let error = try #require(parseError("{{#a}}\n {{^b}}\n"))
    #expect(error.message == "unclosed section 'b'")
    #expect(error.position == SourcePosition(line: 2, column: 2))
  }

  @Test func mismatchedClosingTag() throws {
    let error = try #require(parseError("{{#a}}\n  x {{/b}}"))
    guard case .mismatchedClosingTag(let expected, let found, _) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(expected == "a" && found == "b")
    #expect(error.position == SourcePosition(line: 2, column: 5))
    #expect(error.sourceLine == "  x {{/b}}")
  }

  @Test func unexpectedClosingTag() throws {
    let error = try #require(parseError("ok\r\nab{{/a}}"))
    #expect(error.message == "closing tag 'a' has no open section")
    #expect(error.position == SourcePosition(line: 2, column: 3))
    #expect(error.sourceLine == "ab{{/a}}")
  }

  @Test func unclosedTag() throws {
    let error = try #require(parseError("line\né {{name"))
    #expect(error.message == "unclosed tag, expected '}}'")
    // Columns count characters, not UTF-8 bytes.
    #expect(error.position == SourcePosition(line: 2, column: 3))
    #expect(error.description.hasSuffix("é {{name\n  ^"))
  }

  @Test func unclosedTripleMustache() throws {
    let error = try #require(parseError("{{{name}}"))
    #expect(error.message == "unclosed tag, expected '}}}'")
  }

  @Test func unclosedTagWithCustomDelimiters() throws {
    let error = try #require(parseError("{{=<% %>=}}\n\n<%x"))
    #expect(error.message == "unclosed tag, expected '%>'")
    #expect(error.position == SourcePosition(line: 3, column: 1))
  }

  @Test(arguments: ["{{=<%=}}", "{{=a b c=}}", "{{=<= =>=}}", "{{==}}"])
  func badDelimiters(source: String) throws {
    let error = try #require(parseError("x " + source))
    guard case .invalidDelimiters = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(error.position == SourcePosition(line: 1, column: 3))
  }

  @Test(arguments: ["{{}}", "{{ }}", "{{#}}", "{{a b}}", "{{a..b}}", "{{.a}}", "{{>}}"])
  func invalidNames(source: String) throws {
    let error = try #require(parseError(source))
    guard case .invalidTagName = error else {
      Issue.record("unexpected \(error)")
      return
    }
  }

  @Test func inheritanceIsUnsupported() throws {
    let error = try #require(parseError("{{<parent}}{{/parent}}"))
    #expect(error.message.hasPrefix("unsupported tag '{{<'"))
  }

  @Test func caretKeepsTabs() throws {
    let error = try #require(parseError("\t\t{{/x}}"))
    #expect(error.description.hasSuffix("\n\t\t{{/x}}\n\t\t^"))
  }

  @Test func errorsWithoutLocation() {
    let error = TemplateError.unknownTemplate(name: "x.mustache")
    #expect(error.location == nil && error.position == nil && error.sourceLine == nil)
    #expect(error.description == "x.mustache: error: unknown template 'x.mustache'")
  }

  @Test func positionDescription() {
    #expect(SourcePosition(line: 3, column: 9).description == "3:9")
    #expect(SourcePosition(line: 2, column: 9) < SourcePosition(line: 3, column: 1))
  }
}
