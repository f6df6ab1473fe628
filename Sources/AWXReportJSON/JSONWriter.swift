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

  private var out: [UInt8] = []
  private let style: Style

  /// Serialises `value` in `style`.
  package static func write(_ value: JSONValue, style: Style = .pretty) -> String {
    var w = JSONWriter(style: style)
    w.out.reserveCapacity(4096)
    w.emit(value, indent: 0)
    if style == .pretty { w.out.append(0x0A) }
    return String(decoding: w.out, as: UTF8.self)
  }

  /// Serialises `value`: pretty (with a final newline) or compact.
  package static func write(_ value: JSONValue, pretty: Bool) -> String {
    write(value, style: pretty ? .pretty : .compact)
  }

  private init(style: Style) { self.style = style }

  private mutating func append(_ text: String) {
    out.append(contentsOf: text.utf8)
  }

  private mutating func separator() {
    switch style {
    case .pretty, .compact: out.append(0x2C)
    case .spaced: out.append(contentsOf: [0x2C, 0x20])
    }
  }

  private mutating func newline(_ indent: Int) {
    guard style == .pretty else { return }
    out.append(0x0A)
    out.append(contentsOf: repeatElement(0x20, count: 2 * indent))
  }

  private mutating func emit(_ v: JSONValue, indent: Int) {
    switch v {
    case .null: append("null")
    case .bool(let b): append(b ? "true" : "false")
    case .number(let t): append(t)
    case .string(let s): JSONWriter.appendQuoted(s, to: &out)
    case .array(let items):
      if items.isEmpty {
        append("[]")
        return
      }
      out.append(0x5B)
      for (k, item) in items.enumerated() {
        if k > 0 { separator() }
        newline(indent + 1)
        emit(item, indent: indent + 1)
      }
      newline(indent)
      out.append(0x5D)
    case .object(let members):
      if members.isEmpty {
        append("{}")
        return
      }
      out.append(0x7B)
      for (k, m) in members.enumerated() {
        if k > 0 { separator() }
        newline(indent + 1)
        JSONWriter.appendQuoted(m.key, to: &out)
        append(style == .compact ? ":" : ": ")
        emit(m.value, indent: indent + 1)
      }
      newline(indent)
      out.append(0x7D)
    }
  }

  /// `s` as a JSON string literal, quotes included.
  package static func quote(_ s: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(s.utf8.count + 2)
    appendQuoted(s, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `s` as a JSON string literal, quotes included. ASCII text that needs no escape is
  /// copied as it is; the rest goes scalar by scalar.
  private static func appendQuoted(_ s: String, to out: inout [UInt8]) {
    out.append(0x22)
    let plain = s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
    if plain {
      out.append(contentsOf: s.utf8)
    } else {
      for u in s.unicodeScalars { appendEscaped(u, to: &out) }
    }
    out.append(0x22)
  }

  private static func appendEscaped(_ u: Unicode.Scalar, to out: inout [UInt8]) {
    switch u {
    case "\"": out.append(contentsOf: [0x5C, 0x22])
    case "\\": out.append(contentsOf: [0x5C, 0x5C])
    case "\n": out.append(contentsOf: [0x5C, 0x6E])
    case "\r": out.append(contentsOf: [0x5C, 0x72])
    case "\t": out.append(contentsOf: [0x5C, 0x74])
    default:
      if needsEscape(u) {
        if u.value > 0xFFFF {
          let v = u.value - 0x10000
          appendUnicodeEscape(0xD800 + (v >> 10), to: &out)
          appendUnicodeEscape(0xDC00 + (v & 0x3FF), to: &out)
        } else {
          appendUnicodeEscape(u.value, to: &out)
        }
      } else {
        if let encoded = UTF8.encode(u) { out.append(contentsOf: encoded) }
      }
    }
  }

  private static func needsEscape(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
      || v == 0x2028 || v == 0x2029 || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
  }

  /// `\u` and four lowercase hex digits.
  private static func appendUnicodeEscape(_ v: UInt32, to out: inout [UInt8]) {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    out.append(contentsOf: [0x5C, 0x75])
    for shift in stride(from: 12, through: 0, by: -4) {
      out.append(digits[Int((v >> UInt32(shift)) & 0xF)])
    }
  }
}
