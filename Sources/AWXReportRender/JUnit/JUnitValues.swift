import AWXReportModel

/// The scalar values of `junit.xml`, in the forms both JUnit schemas (Jenkins xUnit's
/// `junit-10.xsd`, windyroad's `JUnit.xsd`) and the CI readers accept. Locale-independent.
enum JUnitValues {
  /// Seconds as a plain decimal with exactly three decimals (`61.020`): no exponent, no
  /// thousands separator (`junit-10.xsd` allows at most three decimals on suite times; GitLab
  /// and JavaScript readers stop at a comma). Unknown, negative or non-finite gives `0.000`;
  /// absurdly large values are capped at 10^12 seconds.
  static func seconds(_ value: Double?) -> String {
    guard let value, value.isFinite, value > 0 else { return "0.000" }
    return NumberFormat.decimal(min(value, 1e12), places: 3, trimmingZeros: false)
  }

  /// `YYYY-MM-DDTHH:MM:SS` in UTC with no zone and no fraction, as windyroad's schema demands
  /// (Jenkins reads a zone-less timestamp as UTC). Nil, or a year outside 1…9999, gives the
  /// epoch.
  static func timestamp(_ value: Timestamp?) -> String {
    let c = (value ?? Timestamp(seconds: 0)).components
    guard (1...9999).contains(c.year) else { return "1970-01-01T00:00:00" }
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T"
      + "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
  }

  /// The host name in an AWX base URL (`https://user@awx.example.com:8043/` gives
  /// `awx.example.com`), lower-cased; `localhost` when there is none or it holds anything but
  /// letters, digits, `.`, `-` and `_` (or is a bracketed IPv6 address).
  static func hostname(from host: String) -> String {
    var rest = Substring(host.trimmingASCIISpaces())
    if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
    if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
      rest = rest[..<end]
    }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    var name: Substring
    if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
      name = rest[...close]
      let inside = name.dropFirst().dropLast()
      guard !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." })
      else { return "localhost" }
    } else {
      let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      name = parts.first ?? ""
      // After the name only a port may follow (`javascript:…` is no host).
      guard parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
        name.unicodeScalars.allSatisfy({
          ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
            || $0 == "." || $0 == "-" || $0 == "_"
        })
      else { return "localhost" }
    }
    return name.isEmpty ? "localhost" : name.lowercased()
  }

  /// Free text from AWX for one line (a name, an attribute): escape sequences stripped,
  /// secrets masked, controls and what XML 1.0 forbids dropped, spaces trimmed, cut to `limit`
  /// characters with "…" (so the cut is measured on what is written).
  static func line(_ text: String, limit: Int) -> String {
    let clean = xmlCharacters(TextSafety.singleLine(Redaction.text(TextSafety.withoutANSI(text))))
    return TextSafety.truncated(clean.trimmingASCIISpaces(), to: limit)
  }

  /// Free text from AWX for element content: as ``line(_:limit:)`` but line breaks and tabs
  /// kept (CR dropped).
  static func block(_ text: String, limit: Int) -> String {
    let clean = xmlCharacters(Redaction.text(TextSafety.withoutANSI(text)))
    return TextSafety.truncated(clean.trimmingASCIISpaces(), to: limit)
  }

  /// Only the characters ``XMLEscaping`` would keep.
  private static func xmlCharacters(_ text: String) -> String {
    guard !text.unicodeScalars.allSatisfy(XMLEscaping.isAllowed) else { return text }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: text.unicodeScalars.lazy.filter(XMLEscaping.isAllowed))
    return String(out)
  }
}

extension StringProtocol {
  /// Without leading and trailing spaces, tabs and line breaks.
  fileprivate func trimmingASCIISpaces() -> String {
    let isSpace: (Character) -> Bool = {
      $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n"
    }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
