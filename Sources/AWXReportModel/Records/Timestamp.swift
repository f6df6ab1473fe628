/// A UTC instant as AWX writes it: ISO 8601 with `Z`, with or without fractional seconds.
///
/// Kept as microseconds since the Unix epoch so arithmetic is exact and formatting never
/// depends on the machine's locale or time zone.
package struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Microseconds since 1970-01-01T00:00:00Z.
  package let microseconds: Int64

  /// Creates a timestamp from microseconds since the epoch.
  package init(microseconds: Int64) { self.microseconds = microseconds }

  /// Creates a timestamp from whole seconds since the epoch.
  package init(seconds: Int64) { self.microseconds = seconds * 1_000_000 }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.ffffff](Z|+HH:MM|-HH:MM)`; returns nil for anything else.
  package init?(iso8601 text: String) {
    let b = Array(text.utf8)
    func digits(_ start: Int, _ count: Int) -> Int? {
      guard start + count <= b.count else { return nil }
      var v = 0
      for i in start..<(start + count) {
        let c = b[i]
        guard c >= 48 && c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      return v
    }
    guard b.count >= 19, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 32, b[13] == 58,
      b[16] == 58,
      let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
      let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
      (1...12).contains(month), day >= 1, day <= Timestamp.daysIn(month: month, year: year),
      hour < 24, minute < 60, second < 61
    else { return nil }
    var i = 19
    var micros = 0
    if i < b.count && b[i] == 46 {
      i += 1
      var n = 0
      while i < b.count, b[i] >= 48, b[i] <= 57 {
        if n < 6 { micros = micros * 10 + Int(b[i] - 48) }
        n += 1
        i += 1
      }
      guard n > 0 else { return nil }
      for _ in n..<max(n, 6) { micros *= 10 }
    }
    var offset = 0
    if i < b.count && b[i] == 90 {
      i += 1
    } else if i < b.count && (b[i] == 43 || b[i] == 45) {
      guard let oh = digits(i + 1, 2), i + 3 < b.count, b[i + 3] == 58, let om = digits(i + 4, 2)
      else { return nil }
      offset = (oh * 60 + om) * 60 * (b[i] == 43 ? 1 : -1)
      i += 6
    } else {
      return nil
    }
    guard i == b.count else { return nil }
    let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
    let secs = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    self.microseconds = secs * 1_000_000 + Int64(micros)
  }

  /// The UTC calendar fields of an instant (proleptic Gregorian calendar).
  package struct Components: Hashable, Sendable {
    package var year: Int
    package var month: Int
    package var day: Int
    package var hour: Int
    package var minute: Int
    package var second: Int
    /// 0…999,999.
    package var microsecond: Int
  }

  /// The UTC calendar fields, computed without Foundation or the machine's time zone.
  package var components: Components {
    let (secs, micros) = floorDivMod(microseconds, 1_000_000)
    let (days, daySecs) = floorDivMod(secs, 86_400)
    let (y, m, d) = Timestamp.civil(fromDays: Int(days))
    return Components(
      year: y, month: m, day: d, hour: Int(daySecs / 3600), minute: Int(daySecs % 3600 / 60),
      second: Int(daySecs % 60), microsecond: Int(micros))
  }

  /// `2024-03-05T20:46:14.078236Z`, or without the fraction when it is zero (as AWX writes).
  package var iso8601: String {
    let c = components
    var out = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T"
    out += "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
    if c.microsecond != 0 { out += ".\(pad(c.microsecond, 6))" }
    return out + "Z"
  }

  /// `2024-03-05 20:46:14 UTC`: for people, to the second.
  package var display: String {
    let c = components
    return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) "
      + "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)) UTC"
  }

  package var description: String { iso8601 }

  /// Seconds from `self` to `other` (negative when `other` is earlier).
  package func seconds(until other: Timestamp) -> Double {
    Double(other.microseconds - microseconds) / 1_000_000
  }

  package static func < (a: Timestamp, b: Timestamp) -> Bool { a.microseconds < b.microseconds }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  // Howard Hinnant's days_from_civil / civil_from_days.
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civil(fromDays z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

private func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
  var q = a / b
  var r = a % b
  if r < 0 {
    q -= 1
    r += b
  }
  return (q, r)
}

private func pad(_ v: Int, _ width: Int) -> String {
  let s = String(v)
  return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
