/// Formats elapsed seconds the way AWX's UI does (`HH:MM:SS`), and compactly for labels.
package enum ElapsedFormat {
  /// `01:02:03` (hours may exceed 99). Negative or non-finite input gives `00:00:00`.
  package static func clock(_ seconds: Double) -> String {
    let total = seconds.isFinite && seconds > 0 ? Int(seconds.rounded()) : 0
    let h = total / 3600
    let m = total % 3600 / 60
    let s = total % 60
    return "\(two(h)):\(two(m)):\(two(s))"
  }

  /// `3.2s`, `4m 05s`, `2h 03m`: short, for node labels.
  package static func short(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "0s" }
    if seconds < 10 {
      let tenths = Int((seconds * 10).rounded())
      return "\(tenths / 10).\(tenths % 10)s"
    }
    let total = Int(seconds.rounded())
    if total < 60 { return "\(total)s" }
    if total < 3600 { return "\(total / 60)m \(two(total % 60))s" }
    return "\(total / 3600)h \(two(total % 3600 / 60))m"
  }

  private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
