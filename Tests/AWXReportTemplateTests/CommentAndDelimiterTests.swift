import AWXReportTemplate
import Testing

@Suite("Comments and delimiters")
struct CommentAndDelimiterTests {
  @Test func commentsRenderNothing() throws {
    #expect(try render("a{{! a comment }}b", [:]) == "ab")
    #expect(try render("a{{!\nmulti\nline\n}}b", [:]) == "ab")
    #expect(try render("a\n  {{! standalone }}\nb", [:]) == "a\nb")
  }

  @Test func setDelimiters() throws {
    #expect(try render("{{=<% %>=}}<%x%> {{x}}", ["x": "1"]) == "1 {{x}}")
    #expect(try render("{{= | | =}}|#s||x||/s|", ["s": true, "x": "y"]) == "y")
    #expect(try render("{{=[[ ]]=}}[[{x}]][[=<% %>=]]<%&x%>", ["x": "<"]) == "<<")
  }

  @Test func setDelimitersLineIsStandalone() throws {
    #expect(try render("a\n  {{=<% %>=}}\nb<%x%>\n", ["x": "!"]) == "a\nb!\n")
  }

  @Test func delimitersCanBeRestored() throws {
    #expect(try render("{{=<% %>=}}<%a%><%={{ }}=%>{{a}}", ["a": "z"]) == "zz")
  }
}
