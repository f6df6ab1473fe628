import AWXReportJSON
import AWXReportTestSupport
import Testing

/// A one-scalar string; Swift literals refuse noncharacters such as U+FDD0.
private func scalar(_ value: UInt32) -> String { String(Unicode.Scalar(value)!) }

@Suite struct JSONWriterTests {
  /// `{"z": 1, "a": [true, null, "s"], "m": {}, "e": []}`, keys deliberately not sorted.
  static let unsorted: JSONValue = .object([
    (key: "z", value: .number("1")),
    (key: "a", value: .array([.bool(true), .null, .string("s")])),
    (key: "m", value: .object([])),
    (key: "e", value: .array([])),
  ])

  @Test func keysKeepTheirOrderInEveryStyle() {
    #expect(
      JSONWriter.write(Self.unsorted, style: .compact)
        == #"{"z":1,"a":[true,null,"s"],"m":{},"e":[]}"#)
    #expect(
      JSONWriter.write(Self.unsorted, style: .spaced)
        == #"{"z": 1, "a": [true, null, "s"], "m": {}, "e": []}"#)
    #expect(
      JSONWriter.write(Self.unsorted, style: .pretty) == """
        {
          "z": 1,
          "a": [
            true,
            null,
            "s"
          ],
          "m": {},
          "e": []
        }

        """)
    #expect(
      JSONWriter.write(Self.unsorted, pretty: false)
        == JSONWriter.write(Self.unsorted, style: .compact))
  }

  @Test func outputIsDeterministic() {
    let first = JSONWriter.write(Self.unsorted)
    for _ in 0..<10 { #expect(JSONWriter.write(Self.unsorted) == first) }
  }

  @Test func repeatedKeysAreAllWritten() throws {
    let v: JSONValue = .object([(key: "k", value: .number("1")), (key: "k", value: .number("2"))])
    #expect(JSONWriter.write(v, style: .compact) == #"{"k":1,"k":2}"#)
  }

  @Test(arguments: [
    "0", "-0", "1.500", "-0.5e3", "1E+2", "2.50e-10", "12345678901234567890123456789",
    "0.10000000000000000555",
  ])
  func numberTextIsPreserved(text: String) throws {
    #expect(JSONWriter.write(.number(text), style: .compact) == text)
    #expect(JSONWriter.write(.array([.number(text)]), style: .compact) == "[\(text)]")
    // And through the parser: the text survives a round trip, digit for digit.
    let parsed = try JSONParser.parse(bytes("[\(text)]"))
    #expect(JSONWriter.write(parsed, style: .compact) == "[\(text)]")
  }

  @Test(arguments: [
    ("\"", #"\""#), ("\\", #"\\"#), ("/", "/"),
    ("\n", #"\n"#), ("\r", #"\r"#), ("\t", #"\t"#),
    ("\u{0}", #"\u0000"#), ("\u{8}", #"\u0008"#), ("\u{C}", #"\u000c"#), ("\u{1F}", #"\u001f"#),
    ("\u{7F}", #"\u007f"#), ("\u{85}", #"\u0085"#), ("\u{9F}", #"\u009f"#),
    ("\u{2028}", #"\u2028"#), ("\u{2029}", #"\u2029"#),
    ("\u{202E}", #"\u202e"#), ("\u{2066}", #"\u2066"#), ("\u{200F}", #"\u200f"#),
    ("\u{61C}", #"\u061c"#),
    (scalar(0xFDD0), #"\ufdd0"#), (scalar(0xFFFE), #"\ufffe"#), (scalar(0x1FFFF), #"\ud83f\udfff"#),
    ("é", "é"), ("🚀", "🚀"), ("\u{A0}", "\u{A0}"), ("\u{2027}", "\u{2027}"),
  ])
  func escapesExactlyTheUnsafeCharacters(input: String, escaped: String) {
    #expect(JSONWriter.quote(input) == "\"\(escaped)\"")
    #expect(JSONWriter.quote("a\(input)b") == "\"a\(escaped)b\"")
  }

  @Test func controlsAndLineSeparatorsNeverReachTheOutput() {
    let all = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    let quoted = JSONWriter.quote(all + "\u{2028}\u{2029}")
    #expect(
      quoted.unicodeScalars.allSatisfy {
        $0.value >= 0x20 && $0.value != 0x2028 && $0.value != 0x2029
      })
    #expect(!quoted.contains("\n"))
  }

  @Test func escapedStringsParseBackToTheSameText() throws {
    let hostile =
      "a\u{0}b\u{1B}[31m\u{7F}\u{85}\u{2028}\u{2029}\u{202E}evil\u{202C}"
      + scalar(0xFFFF) + scalar(0x10FFFE) + "\"\\/\n\r\t 🚀 é"
    let value: JSONValue = .object([(key: hostile, value: .string(hostile))])
    for style in [JSONWriter.Style.pretty, .compact, .spaced] {
      let text = JSONWriter.write(value, style: style)
      #expect(try JSONParser.parse(bytes(text)) == value)
    }
  }

  @Test func keysAreEscapedLikeValues() {
    let v: JSONValue = .object([(key: "a\u{2028}\"b", value: .null)])
    #expect(JSONWriter.write(v, style: .compact) == #"{"a\u2028\"b":null}"#)
  }
}
