import AWXReportTemplate
import Testing

@Suite("TemplateValue")
struct TemplateValueTests {
  @Test func literals() {
    let value: TemplateValue = [
      "s": "x", "i": 1, "d": 1.5, "b": true, "n": nil, "l": [1, "a"], "o": ["k": "v"],
      "interpolated": "n=\(2)",
    ]
    #expect(
      value
        == .object([
          "s": .string("x"), "i": .int(1), "d": .double(1.5), "b": .bool(true), "n": .null,
          "l": .list([.int(1), .string("a")]), "o": .object(["k": .string("v")]),
          "interpolated": .string("n=2"),
        ]))
  }

  @Test func keyOrderIsIrrelevant() {
    let a: TemplateValue = ["x": 1, "y": 2]
    let b: TemplateValue = ["y": 2, "x": 1]
    #expect(a == b)
  }

  @Test func optionalInitializers() {
    #expect(TemplateValue(String?.none) == .null)
    #expect(TemplateValue(Optional("a")) == .string("a"))
    #expect(TemplateValue(Int?.some(3)) == .int(3))
    #expect(TemplateValue(Double?.none) == .null)
    #expect(TemplateValue(Bool?.some(false)) == .bool(false))
  }

  @Test func memberSubscript() {
    let value: TemplateValue = ["a": ["b": 1]]
    #expect(value["a"]?["b"] == .int(1))
    #expect(value["z"] == nil)
    #expect(TemplateValue.int(1)["a"] == nil)
  }
}

@Suite("HTML escaping")
struct HTMLEscapingTests {
  @Test(arguments: [
    ("", ""), ("plain", "plain"), ("&", "&amp;"), ("<>", "&lt;&gt;"), ("\"'", "&quot;&#39;"),
    ("a & b < c", "a &amp; b &lt; c"), ("=`/", "=`/"), ("ü&ü", "ü&amp;ü"),
    ("&&x<", "&amp;&amp;x&lt;"),
    ("<p class=\"a\">it's</p>", "&lt;p class=&quot;a&quot;&gt;it&#39;s&lt;/p&gt;"),
  ])
  func escape(input: String, expected: String) {
    #expect(HTMLEscaping.escape(input) == expected)
  }
}
