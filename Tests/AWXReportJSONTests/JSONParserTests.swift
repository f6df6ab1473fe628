import AWXReportJSON
import AWXReportTestSupport
import Testing

@Suite struct JSONParserTests {
  @Test func keepsKeyOrderAndNumberText() throws {
    let v = try JSONParser.parse(bytes(#"{"b":1.500,"a":[true,null,-0.5e3],"c":"x"}"#))
    guard case .object(let members) = v else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.key) == ["b", "a", "c"])
    #expect(v["b"] == .number("1.500"))
    #expect(v["a"]?.array?.count == 3)
    #expect(JSONWriter.write(v, pretty: false) == #"{"b":1.500,"a":[true,null,-0.5e3],"c":"x"}"#)
  }

  @Test func decodesEscapesAndSurrogates() throws {
    let v = try JSONParser.parse(bytes(#""caf\u00e9 \ud83d\ude80 \"q\" \\ \/ \n""#))
    #expect(v.string == "café 🚀 \"q\" \\ / \n")
  }

  @Test(arguments: [
    ("", 1, 1, "the document is empty"),
    ("{\"a\": 1,\n  \"b\": }", 2, 8, "expected a value"),
    ("{\"a\": [1, 2", 1, 12, "unexpected end of data (expected ',' or ']')"),
    ("[1] 2", 1, 5, "unexpected text after the JSON value"),
    ("{\"a\" 1}", 1, 6, "expected ':'"),
    ("\"tab\there\"", 1, 5, "control character in a string"),
    ("[01]", 1, 3, "expected ',' or ']'"),
    ("{\"é\": x}", 1, 7, "expected a value"),
  ])
  func syntaxErrorsCarryPositions(text: String, line: Int, column: Int, message: String) {
    do {
      _ = try JSONParser.parse(bytes(text))
      Issue.record("parsed invalid JSON: \(text)")
    } catch {
      #expect(error.line == line)
      #expect(error.column == column)
      #expect(error.message == message)
    }
  }

  @Test func deepNestingIsRejectedNotCrashed() {
    let deep = String(repeating: "[", count: 100_000)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes(deep)) }
  }
}
