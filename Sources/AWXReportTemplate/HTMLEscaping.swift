/// HTML escaping as done by `{{name}}` interpolation.
///
/// Replaces `&` `<` `>` `"` `'` with `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`, which makes the
/// text safe both in element content and in quoted attribute values. Works on UTF-8 bytes.
package enum HTMLEscaping {
  /// Returns `text` HTML-escaped.
  package static func escape(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    append(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the UTF-8 of `text`, escaped, to `output`.
  ///
  /// Two passes: the first sizes the result (and finds most text needs no escaping, which is
  /// then copied in bulk), the second writes into the grown buffer, copying unescaped runs
  /// with `memcpy` and replacements byte by byte, without per-piece `append` overhead.
  static func append(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { source in
      var extra = 0
      for byte in source where byte <= UInt8(ascii: ">") {
        extra += replacement(for: byte).utf8CodeUnitCount &- 1
      }
      if extra == 0 {
        output.append(contentsOf: source)
        return
      }
      let start = output.count
      output.append(contentsOf: repeatElement(0, count: source.count + extra))
      output.withUnsafeMutableBufferPointer { destination in
        var written = start
        var runStart = 0
        func copyRun(upTo end: Int) {
          guard end > runStart else { return }
          let count = end - runStart
          _ = UnsafeMutableBufferPointer(rebasing: destination[written..<written + count])
            .update(fromContentsOf: UnsafeBufferPointer(rebasing: source[runStart..<end]))
          written += count
        }
        for index in 0..<source.count {
          let byte = source[index]
          // Every byte that needs escaping is at most `>` (0x3E); most text is above.
          if byte > UInt8(ascii: ">") { continue }
          let replacement = replacement(for: byte)
          let count = replacement.utf8CodeUnitCount
          if count == 1 { continue }
          copyRun(upTo: index)
          let bytes = UnsafeBufferPointer(start: replacement.utf8Start, count: count)
          for offset in 0..<count { destination[written + offset] = bytes[offset] }
          written += count
          runStart = index + 1
        }
        copyRun(upTo: source.count)
      }
    }
  }

  /// The escape sequence for a byte; a one-byte string (not the byte itself) when it needs none.
  @inline(__always)
  private static func replacement(for byte: UInt8) -> StaticString {
    switch byte {
    case UInt8(ascii: "&"): return "&amp;"
    case UInt8(ascii: "<"): return "&lt;"
    case UInt8(ascii: ">"): return "&gt;"
    case UInt8(ascii: "\""): return "&quot;"
    case UInt8(ascii: "'"): return "&#39;"
    default: return "-"
    }
  }

  /// Appends the UTF-8 of `text` unchanged to `output`.
  static func appendRaw(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { output.append(contentsOf: $0) }
  }
}
