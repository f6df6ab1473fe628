/// The one way numbers become text in our files (SVG coordinates, JSON durations, JUnit
/// times): fixed precision, `.` as separator whatever the locale, no exponent, no thousands
/// separators, no negative zero. Same value, same text, on every machine.
package enum NumberFormat {
  /// `value` rounded to `places` decimals (0 to 6). With `trimmingZeros`, trailing zeros and a
  /// bare point are dropped (`2.50` → `2.5`, `3.00` → `3`); without, exactly `places` are kept.
  /// Non-finite values give zero.
  package static func decimal(_ value: Double, places: Int, trimmingZeros: Bool = true) -> String {
    let places = min(max(places, 0), 6)
    var scale: Int64 = 1
    for _ in 0..<places { scale *= 10 }
    guard value.isFinite, abs(value) < 9e15 / Double(scale) else {
      return trimmingZeros || places == 0 ? "0" : "0." + String(repeating: "0", count: places)
    }
    let scaled = Int64((value * Double(scale)).rounded())
    let magnitude = scaled.magnitude
    var text = scaled < 0 ? "-" : ""
    text += String(magnitude / UInt64(scale))
    guard places > 0 else { return text }
    var fraction = String(magnitude % UInt64(scale))
    fraction = String(repeating: "0", count: places - fraction.count) + fraction
    if trimmingZeros {
      while fraction.hasSuffix("0") { fraction.removeLast() }
    }
    return fraction.isEmpty ? text : text + "." + fraction
  }
}
