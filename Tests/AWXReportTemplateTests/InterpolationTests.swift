import AWXReportTemplate
import Testing

@Suite("Interpolation")
struct InterpolationTests {
  @Test func plainTextPassesThrough() throws {
    #expect(try render("Hello { world } }} {", [:]) == "Hello { world } }} {")
    #expect(try render("", [:]) == "")
  }

  @Test func escapesHTML() throws {
    let value: TemplateValue = ["x": "<a href=\"x\">Tom & Jerry's</a>"]
    #expect(
      try render("{{x}}", value) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
  }

  @Test func tripleMustacheAndAmpersandAreRaw() throws {
    let value: TemplateValue = ["x": "<b>&</b>"]
    #expect(
      try render("{{{x}}}|{{&x}}|{{{ x }}}|{{& x }}", value)
        == "<b>&</b>|<b>&</b>|<b>&</b>|<b>&</b>")
  }

  @Test func keepsNonASCII() throws {
    #expect(try render("{{x}} ✓", ["x": "Zürich <é> 🚀"]) == "Zürich &lt;é&gt; 🚀 ✓")
  }

  @Test(arguments: [
    (TemplateValue.int(85), "85"), (.int(-3), "-3"), (.double(1.21), "1.21"),
    (.double(85.0), "85"), (.double(-0.5), "-0.5"), (.double(1e20), "1e+20"),
    (.bool(true), "true"), (.bool(false), "false"), (.null, ""),
    (.list(["a", 1, 2.5]), "a,1,2.5"), (.object(["k": "v"]), ""),
  ])
  func rendersScalars(value: TemplateValue, expected: String) throws {
    #expect(try render("{{x}}", ["x": value]) == expected)
  }

  @Test func missingNamesRenderNothing() throws {
    #expect(try render("[{{nope}}][{{a.b.c}}]", ["a": ["b": [:]]]) == "[][]")
  }

  @Test func dottedNames() throws {
    let value: TemplateValue = ["a": ["b": ["c": "deep"]], "c": "top"]
    #expect(try render("{{a.b.c}}", value) == "deep")
    #expect(try render("{{#a}}{{b.c}}/{{c}}{{/a}}", value) == "deep/top")
  }

  @Test func dottedChainDoesNotFallBackOnceTheFirstNameIsFound() throws {
    let value: TemplateValue = ["a": ["b": [:]], "b": ["c": "wrong"]]
    #expect(try render("{{#a}}{{b.c}}{{/a}}", value) == "")
  }

  @Test func implicitIterator() throws {
    #expect(try render("{{.}}", "<x>") == "&lt;x&gt;")
    #expect(try render("{{{.}}}", "<x>") == "<x>")
    #expect(try render("{{#list}}({{.}}){{/list}}", ["list": [1, 2.5, "c"]]) == "(1)(2.5)(c)")
  }

  @Test func templateIsReusable() throws {
    let template = try Template(source: "Hi {{name}}!", name: "greeting")
    #expect(template.render(["name": "Ann"]) == "Hi Ann!")
    #expect(template.render(["name": "Bob"]) == "Hi Bob!")
    #expect(template.name == "greeting")
    #expect(template.source == "Hi {{name}}!")
  }
}
