/// Numbers for SVG coordinates: two decimals, trailing zeros removed (see ``NumberFormat``).
package enum SVGNumber {
  /// `value` rounded to 0.01.
  package static func format(_ value: Double) -> String {
    NumberFormat.decimal(value, places: 2)
  }
}
