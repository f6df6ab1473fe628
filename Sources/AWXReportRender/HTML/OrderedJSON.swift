/// A JSON value that keeps object keys in source order and numbers as written, so variables can
/// be shown the way the user typed them. Parsed from UTF-8 text; printed with an indent of 2.
indirect enum OrderedJSON: Equatable {
  case object([(key: String, value: OrderedJSON)])
  case array([OrderedJSON])
  case string(String)
  /// The number exactly as it appears in the source.
  case number(String)
  case bool(Bool)
  case null

  static func == (a: OrderedJSON, b: OrderedJSON) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.array(let x), .array(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.null, .null): return true
    default: return false
    }
  }

  /// How deeply arrays and objects may nest before the text is refused (no stack overflow).
  static let maximumDepth = 256

  /// Parses `text`; nil when it is not exactly one JSON value (whitespace around is allowed).
  static func parse(_ text: String) -> OrderedJSON? {
    var parser = Parser(bytes: Array(text.utf8))
    guard let value = parser.value(depth: 0) else { return nil }
    parser.skipSpace()
    return parser.index == parser.bytes.count ? value : nil
  }

  /// The value as indented JSON (2 spaces, `": "` after keys, like Python's `json.dumps(…,
  /// indent=2)`), non-ASCII kept, control and bidirectional characters written as `\uXXXX`.
  func pretty() -> String {
    var out = ""
    write(to: &out, indent: "", pretty: true)
    return out
  }

  /// The value as compact JSON on one line (`, ` and `: ` separators).
  func compact() -> String {
    var out = ""
    write(to: &out, indent: "", pretty: false)
    return out
  }

  private func write(to out: inout String, indent: String, pretty: Bool) {
    let inner = indent + "  "
    switch self {
    case .object(let members):
      guard !members.isEmpty else { return out += "{}" }
      out += pretty ? "{\n" : "{"
      for (i, member) in members.enumerated() {
        if pretty { out += inner }
        OrderedJSON.quote(member.key, into: &out)
        out += ": "
        member.value.write(to: &out, indent: inner, pretty: pretty)
        if i < members.count - 1 { out += pretty ? ",\n" : ", " }
      }
      out += pretty ? "\n" + indent + "}" : "}"
    case .array(let items):
      guard !items.isEmpty else { return out += "[]" }
      out += pretty ? "[\n" : "["
      for (i, item) in items.enumerated() {
        if pretty { out += inner }
        item.write(to: &out, indent: inner, pretty: pretty)
        if i < items.count - 1 { out += pretty ? ",\n" : ", " }
      }
      out += pretty ? "\n" + indent + "]" : "]"
    case .string(let s): OrderedJSON.quote(s, into: &out)
    case .number(let n): out += n
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    }
  }

  private static func quote(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || TextSafety.isInvisibleControl(u)
          || HTMLText.isNoncharacter(u)
        {
          out += "\\u" + hex4(u.value)
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out += "\""
  }

  private static func hex4(_ v: UInt32) -> String {
    let digits = Array("0123456789abcdef")
    return String((0..<4).reversed().map { digits[Int((v >> (UInt32($0) * 4)) & 0xF)] })
  }

  /// A recursive-descent parser over UTF-8 bytes (RFC 8259).
  private struct Parser {
    let bytes: [UInt8]
    var index = 0

    mutating func skipSpace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func value(depth: Int) -> OrderedJSON? {
      skipSpace()
      guard index < bytes.count, depth <= OrderedJSON.maximumDepth else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "{"): return object(depth: depth + 1)
      case UInt8(ascii: "["): return array(depth: depth + 1)
      case UInt8(ascii: "\""): return string().map(OrderedJSON.string)
      case UInt8(ascii: "t"): return literal("true", .bool(true))
      case UInt8(ascii: "f"): return literal("false", .bool(false))
      case UInt8(ascii: "n"): return literal("null", .null)
      default: return number()
      }
    }

    mutating func literal(_ word: String, _ value: OrderedJSON) -> OrderedJSON? {
      let w = Array(word.utf8)
      guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
        return nil
      }
      index += w.count
      return value
    }

    mutating func object(depth: Int) -> OrderedJSON? {
      index += 1
      var members: [(key: String, value: OrderedJSON)] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else {
          return nil
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        guard let v = value(depth: depth) else { return nil }
        members.append((key, v))
        skipSpace()
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "}") {
          index += 1
          return .object(members)
        } else {
          return nil
        }
      }
    }

    mutating func array(depth: Int) -> OrderedJSON? {
      index += 1
      var items: [OrderedJSON] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        guard let v = value(depth: depth) else { return nil }
        items.append(v)
        skipSpace()
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "]") {
          index += 1
          return .array(items)
        } else {
          return nil
        }
      }
    }

    mutating func number() -> OrderedJSON? {
      let start = index
      func digits() -> Int {
        let s = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        return index - s
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
      let intStart = index
      guard digits() > 0 else { return nil }
      if bytes[intStart] == 0x30, index - intStart > 1 { return nil }
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        guard digits() > 0 else { return nil }
      }
      if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
          index += 1
        }
        guard digits() > 0 else { return nil }
      }
      return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    mutating func string() -> String? {
      index += 1
      var scalars = String.UnicodeScalarView()
      var run: [UInt8] = []
      func flush() {
        if !run.isEmpty {
          scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
          run.removeAll(keepingCapacity: true)
        }
      }
      while index < bytes.count {
        let b = bytes[index]
        index += 1
        switch b {
        case UInt8(ascii: "\""):
          flush()
          return String(scalars)
        case UInt8(ascii: "\\"):
          flush()
          guard index < bytes.count else { return nil }
          let e = bytes[index]
          index += 1
          switch e {
          case UInt8(ascii: "\""): scalars.append("\"")
          case UInt8(ascii: "\\"): scalars.append("\\")
          case UInt8(ascii: "/"): scalars.append("/")
          case UInt8(ascii: "b"): scalars.append("\u{8}")
          case UInt8(ascii: "f"): scalars.append("\u{C}")
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "u"):
            guard let unit = hex() else { return nil }
            if (0xD800...0xDBFF).contains(unit), index + 1 < bytes.count,
              bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            {
              let save = index
              index += 2
              if let low = hex(), (0xDC00...0xDFFF).contains(low) {
                let v = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                continue
              }
              index = save
            }
            scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
          default: return nil
          }
        default:
          guard b >= 0x20 else { return nil }
          run.append(b)
        }
      }
      return nil
    }

    mutating func hex() -> UInt32? {
      guard index + 4 <= bytes.count else { return nil }
      var v: UInt32 = 0
      for _ in 0..<4 {
        let c = bytes[index]
        index += 1
        switch c {
        case 0x30...0x39: v = v * 16 + UInt32(c - 0x30)
        case 0x41...0x46: v = v * 16 + UInt32(c - 0x37)
        case 0x61...0x66: v = v * 16 + UInt32(c - 0x57)
        default: return nil
        }
      }
      return v
    }
  }
}
