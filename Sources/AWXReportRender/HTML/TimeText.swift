import AWXReportModel

/// Fast, locale-free text forms of a timestamp for the report, computed in one pass (the
/// report formats three per node, so this is on the hot path for large workflows).
struct TimeText {
  /// `2026-11-27T09:00:03.512Z`: ISO 8601 with at most three fraction digits (what HTML's
  /// `datetime` attribute accepts); no fraction when it is zero.
  var iso: String
  /// `2026-11-27 09:00:03 UTC`: the same as `Timestamp.display`.
  var display: String
  /// `2026-11-27`.
  var day: String
  /// `09:00:03`.
  var clock: String

  init(_ t: Timestamp) {
    let c = t.components
    let (y, m, d, h, mi, s) = (c.year, c.month, c.day, c.hour, c.minute, c.second)
    let fraction = c.microsecond

    // One buffer: "YYYY-MM-DDTHH:MM:SS.mmmZ" (years outside 0...9999 are clamped to it).
    var b = [UInt8](repeating: UInt8(ascii: "0"), count: 24)
    TimeText.put(min(max(y, 0), 9999), at: 0, width: 4, in: &b)
    b[4] = UInt8(ascii: "-")
    TimeText.put(m, at: 5, width: 2, in: &b)
    b[7] = UInt8(ascii: "-")
    TimeText.put(d, at: 8, width: 2, in: &b)
    b[10] = UInt8(ascii: "T")
    TimeText.put(h, at: 11, width: 2, in: &b)
    b[13] = UInt8(ascii: ":")
    TimeText.put(mi, at: 14, width: 2, in: &b)
    b[16] = UInt8(ascii: ":")
    TimeText.put(s, at: 17, width: 2, in: &b)
    let millis = fraction / 1000
    day = String(decoding: b[0..<10], as: UTF8.self)
    clock = String(decoding: b[11..<19], as: UTF8.self)
    display = day + " " + clock + " UTC"
    if millis == 0 {
      b[19] = UInt8(ascii: "Z")
      iso = String(decoding: b[0..<20], as: UTF8.self)
    } else {
      b[19] = UInt8(ascii: ".")
      TimeText.put(millis, at: 20, width: 3, in: &b)
      b[23] = UInt8(ascii: "Z")
      iso = String(decoding: b, as: UTF8.self)
    }
  }

  /// Writes `value` (non-negative) in decimal, zero-padded to `width`, at `offset`.
  private static func put(_ value: Int, at offset: Int, width: Int, in b: inout [UInt8]) {
    var v = value
    for i in stride(from: offset + width - 1, through: offset, by: -1) {
      b[i] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
    }
  }
}
