/// Writes JSON deterministically: keys in the order given, two-space indentation, strings
/// escaped minimally (control characters, quote, backslash; U+2028/2029 too, for embedding).
public struct JSONWriter {
  private var out: String = ""
  private let pretty: Bool

  /// Serialises `value`.
  public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
    var w = JSONWriter(pretty: pretty)
    w.out.reserveCapacity(4096)
    w.emit(value, indent: 0)
    if pretty { w.out += "\n" }
    return w.out
  }

  private init(pretty: Bool) { self.pretty = pretty }

  private mutating func newline(_ indent: Int) {
    guard pretty else { return }
    out += "\n"
    out += String(repeating: "  ", count: indent)
  }

  private mutating func emit(_ v: JSONValue, indent: Int) {
    switch v {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let t): out += t
    case .string(let s): out += JSONWriter.quote(s)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (k, item) in items.enumerated() {
        if k > 0 { out += "," }
        newline(indent + 1)
        emit(item, indent: indent + 1)
      }
      newline(indent)
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (k, m) in members.enumerated() {
        if k > 0 { out += "," }
        newline(indent + 1)
        out += JSONWriter.quote(m.key)
        out += pretty ? ": " : ":"
        emit(m.value, indent: indent + 1)
      }
      newline(indent)
      out += "}"
    }
  }

  /// `s` as a JSON string literal.
  public static func quote(_ s: String) -> String {
    var r = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": r += "\\\""
      case "\\": r += "\\\\"
      case "\n": r += "\\n"
      case "\r": r += "\\r"
      case "\t": r += "\\t"
      case "\u{2028}": r += "\\u2028"
      case "\u{2029}": r += "\\u2029"
      default:
        if u.value < 0x20 || u.value == 0x7F {
          let h = String(u.value, radix: 16)
          r += "\\u" + String(repeating: "0", count: 4 - h.count) + h
        } else {
          r.unicodeScalars.append(u)
        }
      }
    }
    return r + "\""
  }
}
