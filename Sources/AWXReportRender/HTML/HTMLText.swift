/// Text rules for the HTML report and the timeline SVG: clean API text, escape it for XML text
/// or attributes, cut it for display, and format numbers without locale.
enum HTMLText {
  /// `text` without bidirectional controls, without C0/C1 controls other than `\n` and `\t`
  /// (`\r\n` and `\r` become `\n`), and without Unicode noncharacters (XML forbids some, the
  /// HTML checker flags all): safe to show as multi-line text.
  static func clean(_ text: String) -> String {
    // Fast path: printable ASCII, tabs and line feeds are kept as they are.
    if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }) {
      return text
    }
    var out = String.UnicodeScalarView()
    var previousCR = false
    for u in text.unicodeScalars {
      defer { previousCR = u == "\r" }
      if u == "\r" {
        out.append("\n")
        continue
      }
      if u == "\n" {
        if !previousCR { out.append(u) }
        continue
      }
      if u == "\t" {
        out.append(u)
        continue
      }
      if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || TextSafety.isInvisibleControl(u)
        || isNoncharacter(u)
      {
        continue
      }
      out.append(u)
    }
    return String(out)
  }

  /// `text` cleaned and on one line (tabs and line breaks become spaces).
  static func line(_ text: String) -> String {
    TextSafety.singleLine(clean(text))
  }

  /// Whether `u` is a Unicode noncharacter (U+FDD0–U+FDEF, or U+xFFFE / U+xFFFF).
  static func isNoncharacter(_ u: Unicode.Scalar) -> Bool {
    (0xFDD0...0xFDEF).contains(u.value) || u.value & 0xFFFE == 0xFFFE
  }

  /// Escapes `&`, `<` and `>` for XML character data (`]]>` cannot survive: `>` is escaped).
  static func xmlText(_ text: String) -> String {
    XMLEscaping.text(text)
  }

  /// Escapes `&`, `<`, `>`, `"` and `'` for a quoted XML attribute value; tabs and line
  /// breaks become character references so attribute normalisation keeps them.
  static func xmlAttribute(_ text: String) -> String {
    XMLEscaping.attribute(text)
  }

  /// `value` with exactly one decimal, `.` as separator, never `-0.0`: for SVG coordinates.
  static func fixed(_ value: Double) -> String {
    NumberFormat.decimal(value, places: 1, trimmingZeros: false)
  }
}

/// A piece of API text prepared for display: cleaned, cut to a length, and the full text kept
/// for a `title` attribute when it was cut.
struct DisplayText: Equatable {
  /// What is shown.
  var shown: String
  /// The full (cleaned) text, when `shown` is cut.
  var full: String?

  /// Prepares `text`; `singleLine` folds line breaks, `limit` is in characters.
  init(_ text: String, limit: Int, singleLine: Bool = true) {
    // Fast path: short printable ASCII needs no cleaning and no cutting.
    if text.utf8.count <= limit, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      shown = text
      full = nil
      return
    }
    let cleaned = singleLine ? HTMLText.line(text) : HTMLText.clean(text)
    let cut = TextSafety.truncated(cleaned, to: limit)
    shown = cut
    full = cut == cleaned ? nil : cleaned
  }
}
