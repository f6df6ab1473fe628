/// Locale-independent fixed-precision numbers for SVG coordinates: two decimals, trailing
/// zeros removed, no exponent, no negative zero. Same value, same text, on every machine.
package enum SVGNumber {
  /// `value` rounded to 0.01.
  package static func format(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let scaled = (value * 100).rounded()
    if scaled == 0 { return "0" }
    let negative = scaled < 0
    let magnitude = Int64(abs(scaled))
    let whole = magnitude / 100
    let frac = magnitude % 100
    var s = negative ? "-" : ""
    s += String(whole)
    if frac != 0 {
      s += frac % 10 == 0 ? ".\(frac / 10)" : (frac < 10 ? ".0\(frac)" : ".\(frac)")
    }
    return s
  }
}
