/// A deterministic estimate of rendered text width in points, from Helvetica's metrics
/// (the widths every sans-serif fallback roughly shares). No font is loaded, so the same
/// text always gets the same box on every machine.
package enum TextMetrics {
  // Helvetica advance widths for ASCII 32…126, in 1/1000 em.
  private static let ascii: [UInt16] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
  ]

  /// The width of `text` at `fontSize` points; bold text is about 7 % wider.
  package static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
    var units = 0
    for u in text.unicodeScalars { units += advance(u) }
    return Double(units) / 1000 * fontSize * (bold ? 1.07 : 1)
  }

  /// `text` cut (with an ellipsis) so that it fits in `maxWidth` points.
  package static func fit(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false)
    -> String
  {
    if width(text, fontSize: fontSize, bold: bold) <= maxWidth { return text }
    let ellipsis = Double(advance("…")) / 1000 * fontSize * (bold ? 1.07 : 1)
    var used = 0.0
    var out = ""
    for ch in text {
      var w = 0.0
      for u in ch.unicodeScalars { w += Double(advance(u)) / 1000 * fontSize * (bold ? 1.07 : 1) }
      if used + w + ellipsis > maxWidth { break }
      used += w
      out.append(ch)
    }
    return out + "…"
  }

  static func advance(_ u: Unicode.Scalar) -> Int {
    let v = u.value
    if v >= 32 && v <= 126 { return Int(ascii[Int(v - 32)]) }
    if isWide(v) { return 1000 }
    if v == 0x2026 { return 1000 }
    if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) { return 0 }
    return 600
  }

  /// East Asian wide and full-width ranges, and emoji.
  private static func isWide(_ v: UInt32) -> Bool {
    (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
      || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
  }
}
