/// Writes JSON deterministically: keys in the order given, numbers as written.
///
/// Strings escape `"`, `\`, control characters (C0 and C1), bidirectional controls, U+2028/9
/// and Unicode noncharacters as `\uXXXX`, so JSON shown to people cannot reorder or hide text,
/// and JSON embedded elsewhere stays on its lines. Everything decodes to the same text.
package struct JSONWriter {
  /// The layout of the output.
  package enum Style: Sendable {
    /// Two-space indentation, `": "` after keys, a final newline.
    case pretty
    /// One line, no spaces: `{"a":1,"b":[2,3]}`.
    case compact
    /// One line with spaces: `{"a": 1, "b": [2, 3]}`.
    case spaced
  }

  private var out: String = ""
  private let style: Style

  /// Serialises `value` in `style`.
  package static func write(_ value: JSONValue, style: Style = .pretty) -> String {
    var w = JSONWriter(style: style)
    w.out.reserveCapacity(4096)
    w.emit(value, indent: 0)
    if style == .pretty { w.out += "\n" }
    return w.out
  }

  /// Serialises `value`: pretty (with a final newline) or compact.
  package static func write(_ value: JSONValue, pretty: Bool) -> String {
    write(value, style: pretty ? .pretty : .compact)
  }

  private init(style: Style) { self.style = style }

  private mutating func separator() {
    switch style {
    case .pretty, .compact: out += ","
    case .spaced: out += ", "
    }
  }

  private mutating func newline(_ indent: Int) {
    guard style == .pretty else { return }
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
        if k > 0 { separator() }
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
        if k > 0 { separator() }
        newline(indent + 1)
        out += JSONWriter.quote(m.key)
        out += style == .compact ? ":" : ": "
        emit(m.value, indent: indent + 1)
      }
      newline(indent)
      out += "}"
    }
  }

  /// `s` as a JSON string literal, quotes included.
  package static func quote(_ s: String) -> String {
    var r = "\""
    r.reserveCapacity(s.utf8.count + 2)
    for u in s.unicodeScalars {
      switch u {
      case "\"": r += "\\\""
      case "\\": r += "\\\\"
      case "\n": r += "\\n"
      case "\r": r += "\\r"
      case "\t": r += "\\t"
      default:
        if needsEscape(u) {
          if u.value > 0xFFFF {
            let v = u.value - 0x10000
            r += "\\u" + hex4(0xD800 + (v >> 10)) + "\\u" + hex4(0xDC00 + (v & 0x3FF))
          } else {
            r += "\\u" + hex4(u.value)
          }
        } else {
          r.unicodeScalars.append(u)
        }
      }
    }
    return r + "\""
  }

  private static func needsEscape(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
      || v == 0x2028 || v == 0x2029 || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
  }

  private static func hex4(_ v: UInt32) -> String {
    let h = String(v, radix: 16)
    return String(repeating: "0", count: max(0, 4 - h.count)) + h
  }
}
