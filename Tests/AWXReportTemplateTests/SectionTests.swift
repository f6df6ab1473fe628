import AWXReportTemplate
import Testing

@Suite("Sections")
struct SectionTests {
  @Test func booleans() throws {
    #expect(try render("[{{#b}}yes{{/b}}]", ["b": true]) == "[yes]")
    #expect(try render("[{{#b}}yes{{/b}}]", ["b": false]) == "[]")
  }

  @Test func listsRepeatWithEachElementAsContext() throws {
    let value: TemplateValue = ["rows": [["n": "a"], ["n": "b"], ["n": "c"]]]
    #expect(try render("{{#rows}}<{{n}}>{{/rows}}", value) == "<a><b><c>")
    #expect(try render("[{{#rows}}x{{/rows}}]", ["rows": []]) == "[]")
  }

  @Test func objectsBecomeTheContext() throws {
    let value: TemplateValue = ["person": ["name": "Joe"], "greeting": "Hi"]
    #expect(try render("{{#person}}{{greeting}} {{name}}{{/person}}", value) == "Hi Joe")
  }

  @Test(arguments: [
    (TemplateValue.string("x"), true), (.string(""), false), (.int(0), true), (.int(7), true),
    (.double(0), true), (.null, false), (.object([:]), true), (.list([]), false),
    (.list([false]), true), (.bool(true), true), (.bool(false), false),
  ])
  func truthiness(value: TemplateValue, truthy: Bool) throws {
    #expect(value.isTruthy == truthy)
    #expect(try render("{{#v}}T{{/v}}{{^v}}F{{/v}}", ["v": value]) == (truthy ? "T" : "F"))
  }

  @Test func missingNamesAreFalsey() throws {
    #expect(try render("{{#nope}}a{{/nope}}{{^nope}}b{{/nope}}", [:]) == "b")
  }

  @Test func scalarSectionsPushTheValue() throws {
    #expect(try render("{{#s}}{{.}}!{{/s}}", ["s": "hey"]) == "hey!")
    #expect(try render("{{#n}}{{.}}{{/n}}", ["n": 0]) == "0")
  }

  @Test func nestedListsAndParentLookup() throws {
    let value: TemplateValue = [
      "title": "T",
      "groups": [
        ["name": "g1", "items": ["a", "b"]],
        ["name": "g2", "items": []],
      ],
    ]
    let source =
      "{{#groups}}{{name}}:{{#items}}{{title}}{{.}}{{/items}}{{^items}}-{{/items}};{{/groups}}"
    #expect(try render(source, value) == "g1:TaTb;g2:-;")
  }

  @Test func sectionOverImplicitIterator() throws {
    #expect(try render("{{#.}}[{{#.}}{{.}}{{/.}}]{{/.}}", [[1, 2], ["a"]]) == "[12][a]")
  }

  @Test func dottedSectionNames() throws {
    #expect(try render("{{#a.b}}{{c}}{{/a.b}}", ["a": ["b": ["c": "x"]]]) == "x")
  }

  @Test func invertedSections() throws {
    #expect(try render("{{^list}}empty{{/list}}", ["list": []]) == "empty")
    #expect(try render("{{^list}}empty{{/list}}", ["list": [1]]) == "")
    // An inverted section does not push a context.
    #expect(try render("{{^b}}{{.}}{{/b}}", "root") == "root")
  }
}
