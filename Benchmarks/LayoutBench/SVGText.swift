/// Byte buffer for the benchmark's SVG: appending UTF-8 bytes and formatting numbers by hand
/// is several times faster than String interpolation, which dominated the SVG time.
struct SVGText {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  mutating func add(_ s: StaticString) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func add(text s: String) {
    var s = s
    s.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// XML-escaped `&`, `<`, `>`.
  mutating func add(escaped s: String) {
    var s = s
    s.withUTF8 { utf8 in
      for b in utf8 {
        switch b {
        case 38: add("&amp;")
        case 60: add("&lt;")
        case 62: add("&gt;")
        default: bytes.append(b)
        }
      }
    }
  }

  mutating func add(_ v: Int) {
    if v < 0 {
      bytes.append(45)
      addMagnitude(UInt(v.magnitude))
    } else {
      addMagnitude(UInt(v))
    }
  }

  private mutating func addMagnitude(_ v: UInt) {
    if v >= 10 { addMagnitude(v / 10) }
    bytes.append(48 + UInt8(v % 10))
  }

  /// Two decimals, trailing zeros of the fraction dropped as a whole (`fmt` in main.swift).
  mutating func add(number v: Double) {
    let hundredths = Int((v * 100).rounded())
    if hundredths < 0 { bytes.append(45) }
    let a = UInt(hundredths.magnitude)
    let frac = a % 100
    addMagnitude(a / 100)
    if frac == 0 { return }
    bytes.append(46)
    if frac < 10 { bytes.append(48) }
    addMagnitude(frac)
  }
}
