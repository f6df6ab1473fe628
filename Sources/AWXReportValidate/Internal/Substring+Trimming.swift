extension Substring {
  /// The substring without leading and trailing XML whitespace (space, tab, CR, LF), found
  /// byte-wise rather than by grapheme, which keeps title checks fast on large graphs.
  func trimmingWhitespace() -> String {
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    let bytes = utf8
    // Fast path, every title of our own graphs: nothing to trim.
    if let head = bytes.first, let tail = bytes.last, !isSpace(head), !isSpace(tail) {
      return String(self)
    }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }),
      let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
