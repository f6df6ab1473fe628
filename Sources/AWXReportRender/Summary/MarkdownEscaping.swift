/// Escaping for GitHub- and GitLab-flavoured Markdown: inline text and table cells, link
/// destinations, and Mermaid labels.
///
/// Every string that came from AWX goes through ``oneLine(_:)`` first (ANSI escapes, control
/// characters, bidirectional controls and noncharacters dropped, whitespace collapsed), is cut
/// to a length, and only then escaped for where it goes; escaping last means a cut can never
/// split an escape.
package enum MarkdownEscaping {
  /// `raw` as inert inline Markdown on one line, cut to `limit` characters (with "…"):
  /// safe in a paragraph, a list item, a heading and a table cell alike.
  ///
  /// - `\` and the ASCII punctuation Markdown gives meaning to (`` ` * _ [ ] ( ) | ~ # $ ``,
  ///   and GitLab's `{ }` of `{+ +}` inline diffs) get a backslash; `|` escaped that way stays
  ///   inside its table cell in GFM, and no `](` is left to start a link destination.
  /// - `<`, `>` and `&` become entities, so raw HTML (which GitHub renders) stays text.
  /// - `@` followed by a name character gets a zero-width space after it, so a name such as
  ///   `@all` does not mention anyone in a GitLab merge request comment.
  /// - `://` and `www.` are broken the same way (`:\u{200B}//`, `www\u{200B}.`), so a name is
  ///   never turned into a link.
  package static func text(_ raw: String, limit: Int = 200) -> String {
    inline(TextSafety.truncated(oneLine(raw), to: limit))
  }

  /// `raw` without ANSI escape sequences, C0/C1 controls, bidirectional controls or
  /// noncharacters; every run of whitespace (newlines included) becomes one space; trimmed.
  package static func oneLine(_ raw: String) -> String {
    var out = String.UnicodeScalarView()
    var scalars = raw.unicodeScalars.makeIterator()
    var pendingSpace = false
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let p = pending {
        pending = nil
        return p
      }
      return scalars.next()
    }
    while let u = next() {
      // ESC [ … final, ESC ] … BEL/ST, ESC x; and the C1 forms CSI (0x9B) and OSC (0x9D).
      if u.value == 0x1B || u.value == 0x9B || u.value == 0x9D {
        var kind = u.value == 0x9B ? "[" : u.value == 0x9D ? "]" : ""
        if u.value == 0x1B {
          guard let k = next() else { break }
          if k == "[" || k == "]" {
            kind = String(k)
          } else if k.value >= 0x20 && k.value < 0x7F {
            continue  // a two-character escape (ESC c, ESC 7, …)
          } else {
            pending = k
            continue
          }
        }
        if kind == "[" {
          // Parameters and intermediates (0x20–0x3F), then one final byte (0x40–0x7E).
          while let c = next() {
            if c.value >= 0x40 && c.value <= 0x7E { break }
            if c.value < 0x20 || c.value > 0x3F {
              pending = c
              break
            }
          }
        } else {
          // An operating system command runs to BEL, ESC \ or ST (0x9C).
          while let c = next() {
            if c.value == 0x07 || c.value == 0x9C { break }
            if c.value == 0x1B {
              if let d = next(), d != "\\" { pending = d }
              break
            }
          }
        }
        continue
      }
      if u.properties.isWhitespace {
        pendingSpace = !out.isEmpty
        continue
      }
      if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || TextSafety.isInvisibleControl(u)
        || u.properties.isNoncharacterCodePoint || u.value == 0xFEFF
      {
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(u)
    }
    return String(out)
  }

  /// Escapes already cleaned one-line text for inline Markdown (see ``text(_:limit:)``).
  static func inline(_ clean: String) -> String {
    var out = ""
    out.reserveCapacity(clean.utf8.count + 8)
    let scalars = Array(clean.unicodeScalars)
    for (i, u) in scalars.enumerated() {
      switch u {
      case "\\", "`", "*", "_", "[", "]", "(", ")", "{", "}", "|", "~", "#", "$":
        out.unicodeScalars.append("\\")
        out.unicodeScalars.append(u)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "@":
        out += "@"
        if i + 1 < scalars.count, isNameCharacter(scalars[i + 1]) { out += "\u{200B}" }
      case ":":
        out += ":"
        if i + 2 < scalars.count, scalars[i + 1] == "/", scalars[i + 2] == "/" {
          out += "\u{200B}"
        }
      case ".":
        // "www." starts a GFM extended autolink; "www\u{200B}." does not.
        if i >= 3, scalars[i - 3...i - 1].map({ Character($0).lowercased() }).joined() == "www" {
          out += "\u{200B}"
        }
        out += "."
      default:
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  private static func isNameCharacter(_ u: Unicode.Scalar) -> Bool {
    u.properties.isAlphabetic || u.properties.numericType != nil || u == "_" || u == "-"
      || u == "."
  }

  /// `raw` as a Markdown link destination, or nil unless it is an absolute `http(s)` URL.
  /// Everything outside a conservative set of URL characters is percent-encoded, so `(`, `)`,
  /// `|`, spaces, quotes and `<` can neither end the link nor split a table cell.
  package static func url(_ raw: String?) -> String? {
    guard let raw else { return nil }
    let lower = raw.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
    var out = ""
    for b in raw.utf8 {
      let c = Unicode.Scalar(b)
      let safe =
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || "-._~:/?#@!$+,;=%".unicodeScalars.contains(c)
      if safe {
        out.unicodeScalars.append(c)
      } else {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        out += "%"
        out.unicodeScalars.append(hex[Int(b >> 4)])
        out.unicodeScalars.append(hex[Int(b & 0xF)])
      }
    }
    return out
  }

  /// `[text](url)` when `url` is a usable http(s) URL, else `text` alone. `text` must already
  /// be escaped Markdown.
  package static func link(_ text: String, _ url: String?) -> String {
    guard let dest = self.url(url) else { return text }
    return "[\(text)](\(dest))"
  }

  /// `raw` for the inside of a quoted Mermaid label (`n1["…"]`), cut to `limit` characters.
  ///
  /// Mermaid turns `#name;` and `#123;` into HTML entities, so every character that could end
  /// the string, start markup, form an entity of its own or end the Markdown fence becomes one:
  /// `"` `&` `<` `>` `#` `|` `[` `]` `{` `}` `(` `)` `;` `:` `%` `\` and the backtick. Without a
  /// `:` left in any label, Mermaid's own pre-pass for `style …:#…;` lines cannot touch it.
  package static func mermaidLabel(_ raw: String, limit: Int = 60) -> String {
    let clean = TextSafety.truncated(oneLine(raw), to: limit)
    var out = ""
    out.reserveCapacity(clean.utf8.count + 8)
    for u in clean.unicodeScalars {
      switch u {
      case "\"": out += "#quot;"
      case "&": out += "#amp;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "#", "|", "[", "]", "{", "}", "(", ")", ";", ":", "%", "\\", "`":
        out += "#\(u.value);"
      default: out.unicodeScalars.append(u)
      }
    }
    return out.isEmpty ? "#160;" : out
  }

  /// `1,234,567`: numbers for people.
  package static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(c)
    }
    return n < 0 ? "-" + out : out
  }
}
