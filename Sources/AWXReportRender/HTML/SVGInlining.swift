/// Prepares a standalone SVG document for inlining into HTML: drops the XML declaration, the
/// doctype and comments before the root, and gives the root `<svg>` an accessible name.
enum SVGInlining {
  /// The smallest size, in CSS px, the report lets a drawing's node names shrink to.
  static let legiblePx = 9.0

  /// `svg` without its prolog, with `role="img"` and `aria-label` on the root element. With
  /// `legibleFontSize` (the drawing's smallest essential text, in user units), the root also
  /// gets a `min-width` that keeps that text at ``legiblePx`` or more: a wider drawing then
  /// scrolls in its box instead of shrinking below legibility.
  static func inline(_ svg: String, ariaLabel: String, legibleFontSize: Double? = nil) -> String {
    var attributes =
      "role=\"img\" aria-label=\"\(HTMLText.xmlAttribute(HTMLText.line(ariaLabel)))\""
    let stripped = stripProlog(svg)
    if let size = legibleFontSize, let width = viewBoxWidth(stripped) {
      attributes += " style=\"min-width:\(minimumWidth(viewBoxWidth: width, fontSize: size))px\""
    }
    return addAttributes(stripped, attributes)
  }

  /// The narrowest width, in whole CSS px, at which text of `fontSize` user units in a drawing
  /// `viewBoxWidth` user units wide renders at ``legiblePx`` or more.
  static func minimumWidth(viewBoxWidth: Double, fontSize: Double) -> Int {
    Int((viewBoxWidth * legiblePx / fontSize).rounded(.up))
  }

  /// The width of the root element's `viewBox="0 0 W H"`, or nil.
  static func viewBoxWidth(_ svg: String) -> Double? {
    guard svg.hasPrefix("<svg"), let close = svg.firstIndex(of: ">"),
      let range = svg[..<close].firstRange(of: " viewBox=\"")
    else { return nil }
    let values = svg[range.upperBound..<close].prefix { $0 != "\"" }.split(separator: " ")
    guard values.count == 4, let w = Double(values[2]), w.isFinite, w > 0 else { return nil }
    return w
  }

  /// `svg` without its prolog, with `role="img"` and `aria-labelledby` (ids of its title/desc).
  static func inline(_ svg: String, labelledBy ids: String) -> String {
    addAttributes(
      stripProlog(svg), "role=\"img\" aria-labelledby=\"\(HTMLText.xmlAttribute(ids))\"")
  }

  /// Removes everything before the root element: the XML declaration, a doctype (with or
  /// without an internal subset), comments, processing instructions and white space.
  static func stripProlog(_ svg: String) -> String {
    var rest = Substring(svg)
    while true {
      rest = rest.drop { $0.isWhitespace }
      if rest.hasPrefix("<?") {
        guard let end = rest.firstRange(of: "?>") else { return "" }
        rest = rest[end.upperBound...]
      } else if rest.hasPrefix("<!--") {
        guard let end = rest.firstRange(of: "-->") else { return "" }
        rest = rest[end.upperBound...]
      } else if rest.hasPrefix("<!DOCTYPE") || rest.hasPrefix("<!doctype") {
        guard let end = doctypeEnd(rest) else { return "" }
        rest = rest[end...]
      } else {
        break
      }
    }
    var text = String(rest)
    while text.last?.isWhitespace == true { text.removeLast() }
    return text
  }

  /// The index just past the doctype's closing `>`, skipping an internal subset `[…]`.
  private static func doctypeEnd(_ s: Substring) -> Substring.Index? {
    var inSubset = false
    var quote: Character?
    var i = s.startIndex
    while i < s.endIndex {
      let c = s[i]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "[" {
        inSubset = true
      } else if c == "]" {
        inSubset = false
      } else if c == ">" && !inSubset {
        return s.index(after: i)
      }
      i = s.index(after: i)
    }
    return nil
  }

  /// Inserts `attributes` into the root `<svg` start tag, unless it already has a `role`.
  private static func addAttributes(_ svg: String, _ attributes: String) -> String {
    guard svg.hasPrefix("<svg"), let close = svg.firstIndex(of: ">") else { return svg }
    let tag = svg[..<close]
    if tag.contains(" role=") { return svg }
    let insertAt = svg.index(svg.startIndex, offsetBy: 4)
    return String(svg[..<insertAt]) + " " + attributes + String(svg[insertAt...])
  }
}
