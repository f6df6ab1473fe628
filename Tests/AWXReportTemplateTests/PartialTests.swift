import AWXReportTemplate
import Testing

@Suite("Partials and libraries")
struct PartialTests {
  @Test func partialsRenderInTheCurrentContext() throws {
    let library = try TemplateLibrary(sources: [
      "page": "<table>{{#rows}}{{>row}}{{/rows}}</table>",
      "row": "<tr><td>{{name}}</td><td>{{title}}</td></tr>",
    ])
    let html = try library.render(
      "page", ["title": "T", "rows": [["name": "a"], ["name": "<b>"]]])
    #expect(
      html == "<table><tr><td>a</td><td>T</td></tr><tr><td>&lt;b&gt;</td><td>T</td></tr></table>")
  }

  @Test func standalonePartialsAreIndentedLineByLine() throws {
    let library = try TemplateLibrary(sources: [
      "page": "<div>\n  {{>item}}\n</div>\n",
      "item": "<p>\n  {{text}}\n\n</p>\n",
    ])
    // Template lines are indented, interpolated data and blank lines are not.
    let html = try library.render("page", ["text": "a\nb"])
    #expect(html == "<div>\n  <p>\n    a\nb\n\n  </p>\n</div>\n")
  }

  @Test func nestedStandalonePartialsAccumulateIndentation() throws {
    let library = try TemplateLibrary(sources: [
      "a": "{{#list}}\n  {{>b}}\n{{/list}}\n",
      "b": "<b>\n  {{>c}}\n</b>\n",
      "c": "<c/>\n",
    ])
    #expect(try library.render("a", ["list": [1]]) == "  <b>\n    <c/>\n  </b>\n")
  }

  @Test func inlinePartialsAreNotIndented() throws {
    let library = try TemplateLibrary(sources: ["p": "x\ny\n", "t": "  {{v}} {{>p}}\n"])
    #expect(try library.render("t", ["v": "v"]) == "  v x\ny\n\n")
  }

  @Test func partialsDoNotInheritDelimiters() throws {
    let library = try TemplateLibrary(sources: ["p": "{{v}}", "t": "{{=<% %>=}}<%>p%>"])
    #expect(try library.render("t", ["v": "ok"]) == "ok")
  }

  @Test func recursivePartialsRenderTrees() throws {
    let library = try TemplateLibrary(sources: [
      "node": "{{name}}{{#children}}({{>node}}){{/children}}"
    ])
    let tree: TemplateValue = [
      "name": "root",
      "children": [
        ["name": "a", "children": [["name": "a1", "children": []]]],
        ["name": "b", "children": []],
      ],
    ]
    // Leaves need their own (empty) `children`: a missing name is looked up in the parent
    // contexts, which would recurse forever.
    #expect(try library.render("node", tree) == "root(a(a1))(b)")
  }

  @Test func runawayRecursionIsAnError() throws {
    let library = try TemplateLibrary(sources: ["loop": "x\n {{>loop}}"])
    #expect {
      _ = try library.render("loop", [:])
    } throws: { error in
      guard let error = error as? TemplateError,
        case .partialRecursionTooDeep(let name, let location) = error
      else { return false }
      return name == "loop" && location.position == SourcePosition(line: 2, column: 2)
    }
  }

  @Test func strictLibraryRejectsUnknownPartialsWithPosition() {
    #expect(throws: TemplateError.self) {
      _ = try TemplateLibrary(sources: ["t": "a\n  b {{> missing }}"])
    }
    do {
      _ = try TemplateLibrary(sources: ["t": "a\n  b {{> missing }}"])
    } catch {
      guard case .unknownPartial(let name, let location) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(name == "missing")
      #expect(location.templateName == "t")
      #expect(location.position == SourcePosition(line: 2, column: 5))
      #expect(
        error.description == "t:2:5: error: unknown partial 'missing'\n  b {{> missing }}\n    ^")
    }
  }

  @Test func lenientLibraryRendersUnknownPartialsAsNothing() throws {
    let library = try TemplateLibrary(sources: ["t": "[{{>missing}}]"], strictPartials: false)
    #expect(library.strictPartials == false)
    #expect(try library.render("t", [:]) == "[]")
  }

  @Test func standaloneTemplateIgnoresPartials() throws {
    let template = try Template(source: "[{{>p}}]")
    #expect(template.render([:]) == "[]")
    #expect(template.referencedPartials == ["p"])
  }

  @Test func unknownTemplateAndDuplicates() throws {
    let library = try TemplateLibrary(sources: ["a": "A"])
    #expect(throws: TemplateError.unknownTemplate(name: "b")) { try library.render("b", [:]) }
    let a = try Template(source: "1", name: "a")
    #expect(throws: TemplateError.duplicateTemplate(name: "a")) {
      _ = try TemplateLibrary(templates: [a, a])
    }
  }

  @Test func libraryFromParsedTemplates() throws {
    let library = try TemplateLibrary(templates: [
      try Template(source: "<{{>b}}>", name: "a"), try Template(source: "{{x}}", name: "b"),
    ])
    #expect(library.names == ["a", "b"])
    #expect(library["b"]?.source == "{{x}}")
    #expect(try library.render("a", ["x": 1]) == "<1>")
  }

  @Test func libraryReportsParseErrorsWithTheTemplateName() {
    #expect {
      _ = try TemplateLibrary(sources: ["good": "x", "bad.mustache": "\n{{#a}}"])
    } throws: { error in
      (error as? TemplateError)?.templateName == "bad.mustache"
        && (error as? TemplateError)?.position == SourcePosition(line: 2, column: 1)
    }
  }
}
