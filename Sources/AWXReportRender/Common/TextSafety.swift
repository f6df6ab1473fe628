/// Rules shared by every writer for text that came from the API.
package enum TextSafety {
  /// Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C): they can make
  /// text read differently from what it is ("Trojan Source"), so writers drop them.
  package static func isInvisibleControl(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
    default: return false
    }
  }

  /// `text` without C0/C1 control characters (tab and newline become spaces) and without
  /// bidirectional controls: for one-line labels.
  package static func singleLine(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for u in text.unicodeScalars {
      if u == "\n" || u == "\t" || u == "\r" {
        out += " "
      } else if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || isInvisibleControl(u) {
        continue
      } else {
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// `text` cut to at most `limit` characters, with an ellipsis when cut.
  package static func truncated(_ text: String, to limit: Int) -> String {
    guard text.count > limit, limit > 1 else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }
}
