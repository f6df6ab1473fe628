/// Escaping for the inside of a DOT double-quoted string used as a label or attribute.
///
/// Graphviz reads `\` escapes (`\n`, `\l`, `\N`, …) and HTML entities (`&amp;`) inside quoted
/// labels, so `\`, `"`, `&`, `<` and `>` are escaped; everything else is written as UTF-8 (the
/// graph declares `charset="UTF-8"`). Numeric references are avoided for text: Graphviz 2.43
/// turns those above U+FFFF (emoji, some CJK) into invalid UTF-8 in its SVG.
package enum DOTEscaping {
  /// Graphviz rejects quoted strings longer than 16,384 bytes; an escaped scalar takes at most
  /// 5 bytes (`&amp;`, or 4 of UTF-8), so text is cut to this many scalars (with an ellipsis).
  package static let maxScalars = 1_500

  /// `text` escaped for a DOT quoted string. Newlines become `\n` (a centred line break);
  /// other control characters and bidirectional overrides are dropped; text longer than
  /// `maxScalars` is cut with an ellipsis.
  package static func quoted(_ text: String) -> String {
    if text.utf8.count < maxScalars,
      text.utf8.allSatisfy({ b in
        b >= 0x20 && b < 0x7F && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\")
          && b != UInt8(ascii: "&") && b != UInt8(ascii: "<") && b != UInt8(ascii: ">")
      })
    {
      return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    var scalars = Substring(text).unicodeScalars[...]
    var cut = false
    if text.unicodeScalars.count > maxScalars {
      scalars = scalars.prefix(maxScalars - 1)
      cut = true
    }
    for u in scalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default:
        if u.value < 0x20 || u.value == 0x7F || TextSafety.isInvisibleControl(u) { continue }
        out.unicodeScalars.append(u)
      }
    }
    if cut { out += "…" }
    return out
  }
}
