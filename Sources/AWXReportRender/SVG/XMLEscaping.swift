/// Escaping for XML 1.0 text and attribute values (SVG, and HTML built outside templates).
package enum XMLEscaping {
  /// `text` for element content: `&`, `<`, `>` escaped; characters XML 1.0 forbids and
  /// bidirectional controls dropped.
  package static func text(_ text: String) -> String { escape(text, attribute: false) }

  /// `text` for a double-quoted attribute value: also `"` and `'` escaped, and newlines and
  /// tabs written as character references so they survive attribute normalisation.
  package static func attribute(_ text: String) -> String { escape(text, attribute: true) }

  private static func escape(_ text: String, attribute: Bool) -> String {
    // Most text is printable ASCII with nothing to escape: return it as it is.
    if text.utf8.allSatisfy({ b in
      b >= 0x20 && b < 0x7F && b != UInt8(ascii: "&") && b != UInt8(ascii: "<")
        && b != UInt8(ascii: ">") && b != UInt8(ascii: "\"") && b != UInt8(ascii: "'")
    }) {
      return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for u in text.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "'" where attribute: out += "&#39;"
      case "\n" where attribute: out += "&#10;"
      case "\t" where attribute: out += "&#9;"
      case "\r": continue
      default:
        if !isAllowed(u) { continue }
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// XML 1.0's `Char` production, minus bidirectional controls and C1 controls.
  static func isAllowed(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    if v == 0x9 || v == 0xA { return true }
    if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { return false }
    return !TextSafety.isInvisibleControl(u)
  }
}
