import AWXReportRender

/// Text from AWX made safe for a terminal: no control character (escape sequences, carriage
/// returns, bidirectional overrides) ever reaches it; each is shown as a visible escape.
enum TerminalText {
  /// `text` quoted for a log line: `"Deploy \"web\"\x1b[31m"`, at most `limit` characters inside
  /// the quotes.
  static func quoted(_ text: String, limit: Int = 80) -> String {
    "\"" + TextSafety.truncated(escaped(text), to: limit) + "\""
  }

  /// `text` with `\` and `"` escaped and control characters written as `\xHH` or `\u{HHHH}`.
  static func escaped(_ text: String) -> String {
    var out = ""
    for u in text.unicodeScalars {
      switch u {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 || u.value == 0x7F {
          out += "\\x" + hex(u.value, width: 2)
        } else if (0x80...0x9F).contains(u.value) || TextSafety.isInvisibleControl(u)
          || (0x2028...0x2029).contains(u.value)
        {
          out += "\\u{" + hex(u.value, width: 4) + "}"
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out
  }

  private static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
