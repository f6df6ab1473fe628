/// Standard base64 (RFC 4648, with padding): snapshot bodies that are not valid UTF-8, and the
/// fetcher's basic-auth header. The package's only base64.
package enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// `data` as base64 text, padded with `=`.
  package static func encode(_ data: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((data.count + 2) / 3 * 4)
    var i = 0
    while i + 2 < data.count {
      let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2])
      for s in [18, 12, 6, 0] { out.append(alphabet[Int((n >> UInt32(s)) & 63)]) }
      i += 3
    }
    let rest = data.count - i
    if rest > 0 {
      var n = UInt32(data[i]) << 16
      if rest == 2 { n |= UInt32(data[i + 1]) << 8 }
      out.append(alphabet[Int((n >> 18) & 63)])
      out.append(alphabet[Int((n >> 12) & 63)])
      out.append(rest == 2 ? alphabet[Int((n >> 6) & 63)] : UInt8(ascii: "="))
      out.append(UInt8(ascii: "="))
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The bytes of base64 `text` (line breaks skipped, stops at `=`), or nil for a character
  /// outside the alphabet.
  package static func decode(_ text: String) -> [UInt8]? {
    var lookup = [Int](repeating: -1, count: 256)
    for (k, c) in alphabet.enumerated() { lookup[Int(c)] = k }
    var out: [UInt8] = []
    var acc: UInt32 = 0
    var bits = 0
    for c in text.utf8 {
      if c == UInt8(ascii: "=") { break }
      if c == 10 || c == 13 { continue }
      let v = lookup[Int(c)]
      guard v >= 0 else { return nil }
      acc = acc << 6 | UInt32(v)
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
      }
    }
    return out
  }
}
