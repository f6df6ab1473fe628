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
    // Fast path: printable ASCII is kept as it is.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
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

  /// `text` without terminal escape sequences: ANSI colour and cursor codes (`ESC[0;31m`,
  /// CSI, also as the C1 byte U+009B), OSC/DCS strings up to their terminator, two-byte `ESC x`
  /// sequences, and AWX's hidden event-data envelope (`ESC[K` base64 `ESC[<n>D`). AWX's own
  /// `redact_ansi` removes `\x1b[^m]*m`; this removes that and the rest, so no ESC survives.
  /// Other control characters are left to the writers (XML drops them, one-line labels too).
  package static func withoutANSI(_ text: String) -> String {
    guard text.utf8.contains(0x1B) || text.unicodeScalars.contains(where: { $0.value == 0x9B })
    else { return text }
    let u = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    /// Index just past the CSI that starts at `i` (the parameters after ESC[ or U+009B), or
    /// nil when it has no final byte; `final` is its final byte.
    func csiEnd(from start: Int) -> (end: Int, final: UInt32, plain: Bool)? {
      var j = start
      while j < u.count, (0x30...0x3F).contains(u[j].value) { j += 1 }
      let plain = j == start
      while j < u.count, (0x20...0x2F).contains(u[j].value) { j += 1 }
      guard j < u.count, (0x40...0x7E).contains(u[j].value) else { return nil }
      return (j + 1, u[j].value, plain)
    }
    /// After `ESC[K`: the end of AWX's envelope (base64, then `ESC[<digits>D`), if there is one.
    func envelopeEnd(from start: Int) -> Int? {
      var j = start
      while j < u.count {
        let v = u[j].value
        let isBase64 =
          (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0x30...0x39).contains(v)
          || v == 0x2B || v == 0x2F || v == 0x3D || v == 0x0A || v == 0x0D
        guard isBase64 else { break }
        j += 1
      }
      guard j + 1 < u.count, u[j].value == 0x1B, u[j + 1].value == 0x5B else { return nil }
      var k = j + 2
      while k < u.count, (0x30...0x39).contains(u[k].value) { k += 1 }
      guard k > j + 2, k < u.count, u[k].value == 0x44 else { return nil }
      return k + 1
    }
    while i < u.count {
      let v = u[i].value
      if v == 0x9B || (v == 0x1B && i + 1 < u.count && u[i + 1].value == 0x5B) {
        let start = v == 0x9B ? i + 1 : i + 2
        if let csi = csiEnd(from: start) {
          i = csi.final == 0x4B && csi.plain ? envelopeEnd(from: csi.end) ?? csi.end : csi.end
        } else {
          i = start
        }
        continue
      }
      if v == 0x1B, i + 1 < u.count {
        let next = u[i + 1].value
        // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \); unterminated, only the
        // introducer goes.
        if next == 0x5D || next == 0x50 || next == 0x58 || next == 0x5E || next == 0x5F {
          var j = i + 2
          var end: Int?
          while j < u.count {
            if u[j].value == 0x07 || u[j].value == 0x9C {
              end = j + 1
              break
            }
            if u[j].value == 0x1B, j + 1 < u.count, u[j + 1].value == 0x5C {
              end = j + 2
              break
            }
            j += 1
          }
          i = end ?? i + 2
          continue
        }
        // nF (intermediates then a final), Fp, Fe, Fs: ESC, 0x20–0x2F*, then 0x30–0x7E.
        var j = i + 1
        while j < u.count, (0x20...0x2F).contains(u[j].value) { j += 1 }
        i = j < u.count && (0x30...0x7E).contains(u[j].value) ? j + 1 : i + 1
        continue
      }
      if v != 0x1B { out.append(u[i]) }
      i += 1
    }
    return String(out)
  }

  /// One output line for a `<pre>` block: escape sequences gone, tabs kept, every other
  /// control character (line breaks included) and invisible control dropped.
  package static func singleLineKeepingTabs(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for u in withoutANSI(text).unicodeScalars {
      if u == "\t" {
        out.append(u)
      } else if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || isInvisibleControl(u) {
        continue
      } else {
        out.append(u)
      }
    }
    return String(out)
  }

  /// `text` cut to at most `limit` characters, with an ellipsis when cut.
  package static func truncated(_ text: String, to limit: Int) -> String {
    guard text.count > limit, limit > 1 else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }
}
