/// A strict RFC 8259 JSON parser over UTF-8 bytes that reports `line:column` on error.
///
/// Nesting is limited so a hostile document cannot exhaust the stack.
package struct JSONParser {
  /// The deepest nesting accepted.
  package static let maxDepth = 512

  // The parser reads through a buffer pointer valid only inside `parse`: no retain/release or
  // bounds checks per byte (every index is checked against `bytes.count` first).
  private let bytes: UnsafeBufferPointer<UInt8>
  private var i = 0
  private var depth = 0

  /// Parses `bytes` as one JSON document.
  /// - Throws: `JSONSyntaxError` with the line and column of the first problem.
  package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
      var p = JSONParser(bytes: buffer)
      do throws(JSONSyntaxError) {
        p.skipSpace()
        if p.i >= buffer.count { throw p.error("the document is empty") }
        let v = try p.value()
        p.skipSpace()
        if p.i < buffer.count { throw p.error("unexpected text after the JSON value") }
        return .success(v)
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private func error(_ message: String) -> JSONSyntaxError {
    var line = 1
    var col = 1
    var k = 0
    let end = min(i, bytes.count)
    while k < end {
      if bytes[k] == 10 {
        line += 1
        col = 1
      } else if bytes[k] & 0xC0 != 0x80 {
        col += 1
      }
      k += 1
    }
    let atEnd = i >= bytes.count
    return JSONSyntaxError(
      message: atEnd && message.hasPrefix("expected")
        ? "unexpected end of data (\(message))" : message,
      line: line, column: col, offset: i)
  }

  private mutating func skipSpace() {
    while i < bytes.count {
      let c = bytes[i]
      if c == 32 || c == 10 || c == 13 || c == 9 { i += 1 } else { break }
    }
  }

  private mutating func value() throws(JSONSyntaxError) -> JSONValue {
    guard i < bytes.count else { throw error("expected a value") }
    switch bytes[i] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw error("expected a value")
    }
  }

  private mutating func literal(_ word: String) throws(JSONSyntaxError) {
    for c in word.utf8 {
      guard i < bytes.count, bytes[i] == c else { throw error("expected '\(word)'") }
      i += 1
    }
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maxDepth {
      throw error("nesting deeper than \(JSONParser.maxDepth) levels")
    }
  }

  private mutating func object() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    i += 1
    var members: [(key: String, value: JSONValue)] = []
    skipSpace()
    if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
      i += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
        throw error("expected a string key")
      }
      let key = try string()
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
      i += 1
      skipSpace()
      members.append((key, try value()))
      skipSpace()
      guard i < bytes.count else { throw error("expected ',' or '}'") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] == UInt8(ascii: "}") {
        i += 1
        depth -= 1
        return .object(members)
      } else {
        throw error("expected ',' or '}'")
      }
    }
  }

  private mutating func array() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    i += 1
    var items: [JSONValue] = []
    skipSpace()
    if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
      i += 1
      depth -= 1
      return .array(items)
    }
    while true {
      skipSpace()
      items.append(try value())
      skipSpace()
      guard i < bytes.count else { throw error("expected ',' or ']'") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] == UInt8(ascii: "]") {
        i += 1
        depth -= 1
        return .array(items)
      } else {
        throw error("expected ',' or ']'")
      }
    }
  }

  private mutating func number() throws(JSONSyntaxError) -> JSONValue {
    let start = i
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    if bytes[i] == UInt8(ascii: "-") { i += 1 }
    guard i < bytes.count, isDigit(bytes[i]) else { throw error("expected a digit") }
    if bytes[i] == 48 {
      i += 1
    } else {
      while i < bytes.count && isDigit(bytes[i]) { i += 1 }
    }
    if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
      i += 1
      guard i < bytes.count, isDigit(bytes[i]) else { throw error("expected a digit after '.'") }
      while i < bytes.count && isDigit(bytes[i]) { i += 1 }
    }
    if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
      i += 1
      if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
        i += 1
      }
      guard i < bytes.count, isDigit(bytes[i]) else { throw error("expected an exponent") }
      while i < bytes.count && isDigit(bytes[i]) { i += 1 }
    }
    return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<4 {
      guard i < bytes.count else { throw error("expected a \\u escape") }
      let c = bytes[i]
      let d: UInt32
      switch c {
      case 48...57: d = UInt32(c - 48)
      case 65...70: d = UInt32(c - 55)
      case 97...102: d = UInt32(c - 87)
      default: throw error("bad \\u escape")
      }
      v = v * 16 + d
      i += 1
    }
    return v
  }

  private mutating func string() throws(JSONSyntaxError) -> String {
    i += 1
    // Fast path: no escape before the closing quote.
    var j = i
    while j < bytes.count {
      let c = bytes[j]
      if c == UInt8(ascii: "\"") {
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
        i = j + 1
        return s
      }
      if c == UInt8(ascii: "\\") || c < 0x20 { break }
      j += 1
    }
    var out: [UInt8] = []
    var runStart = i
    while true {
      guard i < bytes.count else { throw error("expected '\"' to end the string") }
      let c = bytes[i]
      if c == UInt8(ascii: "\"") {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
        i += 1
        break
      }
      if c < 0x20 { throw error("control character in a string") }
      if c != UInt8(ascii: "\\") {
        i += 1
        continue
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
      i += 1
      guard i < bytes.count else { throw error("expected an escape") }
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(34)
      case UInt8(ascii: "\\"): out.append(92)
      case UInt8(ascii: "/"): out.append(47)
      case UInt8(ascii: "b"): out.append(8)
      case UInt8(ascii: "f"): out.append(12)
      case UInt8(ascii: "n"): out.append(10)
      case UInt8(ascii: "r"): out.append(13)
      case UInt8(ascii: "t"): out.append(9)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if scalar >= 0xD800 && scalar < 0xDC00, i + 1 < bytes.count, bytes[i] == 92,
          bytes[i + 1] == UInt8(ascii: "u")
        {
          let save = i
          i += 2
          let low = try hex4()
          if low >= 0xDC00 && low < 0xE000 {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else {
            i = save
          }
        }
        let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(u)).utf8))
      default:
        i -= 1
        throw error("bad escape '\\\(Character(Unicode.Scalar(e)))'")
      }
      runStart = i
    }
    // Invalid UTF-8 becomes U+FFFD rather than an error: the raw body is kept verbatim anyway.
    return String(decoding: out, as: UTF8.self)
  }
}

/// A JSON syntax error with its position (1-based line and column, 0-based byte offset).
package struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong.
  package var message: String
  /// 1-based line.
  package var line: Int
  /// 1-based column, in characters.
  package var column: Int
  /// 0-based byte offset.
  package var offset: Int

  package var description: String { "line \(line), column \(column): \(message)" }
}
