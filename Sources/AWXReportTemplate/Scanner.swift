/// A tag as found in the source, before the token tree is built.
struct RawTag: Sendable {
  /// What a tag does, from its sigil.
  enum Kind: Sendable, Equatable {
    case variable(escaped: Bool)
    case section
    case invertedSection
    case close
    case comment
    case partial
    case setDelimiters

    /// Whether a tag of this kind may stand alone on a line, which removes the whole line.
    var canStandAlone: Bool {
      switch self {
      case .variable: return false
      case .section, .invertedSection, .close, .comment, .partial, .setDelimiters: return true
      }
    }
  }

  var kind: Kind
  /// The tag's content, trimmed: a name, a partial name or a delimiter pair.
  var name: String
  /// The byte offset of the opening delimiter.
  var start: Int
  /// The byte offset just past the closing delimiter.
  var end: Int
}

/// A flat piece of the source: text within a line, a line terminator, or a tag.
enum RawToken: Sendable {
  /// Bytes containing no line terminator.
  case text(Range<Int>)
  /// `\n` or `\r\n`.
  case newline(Range<Int>)
  case tag(RawTag)
}

/// Splits template source (UTF-8 bytes) into ``RawToken``s, applying set-delimiter tags as it
/// goes. Knows nothing of sections or standalone lines.
struct TemplateScanner {
  let bytes: [UInt8]
  let templateName: String
  private var open: [UInt8] = Array("{{".utf8)
  private var close: [UInt8] = Array("}}".utf8)

  init(bytes: [UInt8], templateName: String) {
    self.bytes = bytes
    self.templateName = templateName
  }

  /// Scans the whole source.
  mutating func scan() throws(TemplateError) -> [RawToken] {
    var tokens: [RawToken] = []
    var index = 0
    while index < bytes.count {
      let tagStart = find(open, from: index) ?? bytes.count
      appendText(index..<tagStart, to: &tokens)
      if tagStart == bytes.count { break }
      let tag = try scanTag(at: tagStart)
      tokens.append(.tag(tag))
      index = tag.end
    }
    return tokens
  }

  /// Appends text, split into line pieces and line terminators.
  private func appendText(_ range: Range<Int>, to tokens: inout [RawToken]) {
    var lineStart = range.lowerBound
    var index = range.lowerBound
    while index < range.upperBound {
      if bytes[index] == UInt8(ascii: "\n") {
        var newlineStart = index
        if index > lineStart, bytes[index - 1] == UInt8(ascii: "\r") { newlineStart -= 1 }
        if newlineStart > lineStart { tokens.append(.text(lineStart..<newlineStart)) }
        tokens.append(.newline(newlineStart..<index + 1))
        lineStart = index + 1
      }
      index += 1
    }
    if range.upperBound > lineStart { tokens.append(.text(lineStart..<range.upperBound)) }
  }

  /// Scans the tag whose opening delimiter starts at `start`.
  private mutating func scanTag(at start: Int) throws(TemplateError) -> RawTag {
    let contentStart = start + open.count
    let sigil = contentStart < bytes.count ? bytes[contentStart] : 0
    let kind: RawTag.Kind
    var closer = close
    var nameStart = contentStart + 1
    switch sigil {
    case UInt8(ascii: "{"):
      kind = .variable(escaped: false)
      closer = Array("}".utf8) + close
    case UInt8(ascii: "&"): kind = .variable(escaped: false)
    case UInt8(ascii: "#"): kind = .section
    case UInt8(ascii: "^"): kind = .invertedSection
    case UInt8(ascii: "/"): kind = .close
    case UInt8(ascii: "!"): kind = .comment
    case UInt8(ascii: ">"): kind = .partial
    case UInt8(ascii: "="):
      kind = .setDelimiters
      closer = Array("=".utf8) + close
    case UInt8(ascii: "<"), UInt8(ascii: "$"):
      throw .unsupportedTag(
        String(decoding: bytes[start...contentStart], as: UTF8.self), at: location(start))
    default:
      kind = .variable(escaped: true)
      nameStart = contentStart
    }
    nameStart = min(nameStart, bytes.count)
    guard let contentEnd = find(closer, from: nameStart) else {
      throw .unclosedTag(
        expectedDelimiter: String(decoding: closer, as: UTF8.self), at: location(start))
    }
    let name = Self.trimmed(bytes[nameStart..<contentEnd])
    let tag = RawTag(kind: kind, name: name, start: start, end: contentEnd + closer.count)
    switch kind {
    case .comment:
      break
    case .setDelimiters:
      try setDelimiters(from: name, tagStart: start)
    case .partial:
      if name.isEmpty || name.contains(where: \.isWhitespace) {
        throw .invalidTagName(name, at: location(start))
      }
    case .variable, .section, .invertedSection, .close:
      if !Self.isValidName(name) { throw .invalidTagName(name, at: location(start)) }
    }
    return tag
  }

  /// Applies `{{=open close=}}`.
  private mutating func setDelimiters(from content: String, tagStart: Int) throws(TemplateError) {
    let parts = content.split(whereSeparator: \.isWhitespace)
    guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
      throw .invalidDelimiters(content, at: location(tagStart))
    }
    open = Array(parts[0].utf8)
    close = Array(parts[1].utf8)
  }

  /// Whether `name` is `.` or dot-separated non-empty components without whitespace.
  static func isValidName(_ name: String) -> Bool {
    if name == "." { return true }
    if name.isEmpty || name.contains(where: \.isWhitespace) { return false }
    return !name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
  }

  /// The bytes as a string, without leading and trailing ASCII whitespace.
  private static func trimmed(_ slice: ArraySlice<UInt8>) -> String {
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    var lower = slice.startIndex
    var upper = slice.endIndex
    while lower < upper, isSpace(slice[lower]) { lower += 1 }
    while upper > lower, isSpace(slice[upper - 1]) { upper -= 1 }
    return String(decoding: slice[lower..<upper], as: UTF8.self)
  }

  /// The first offset at or after `start` where `needle` occurs.
  private func find(_ needle: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first, needle.count <= bytes.count else { return nil }
    let last = bytes.count - needle.count
    var index = start
    while index <= last {
      if bytes[index] == first {
        var matched = true
        var offset = 1
        while offset < needle.count {
          if bytes[index + offset] != needle[offset] {
            matched = false
            break
          }
          offset += 1
        }
        if matched { return index }
      }
      index += 1
    }
    return nil
  }

  private func location(_ offset: Int) -> TemplateError.Location {
    TemplateError.Location(templateName: templateName, offset: offset, in: bytes)
  }
}

extension TemplateError.Location {
  /// The location of a byte offset in a template's source.
  init(templateName: String, offset: Int, in bytes: [UInt8]) {
    let (position, line) = SourcePosition.locate(offset: offset, in: bytes)
    self.init(templateName: templateName, position: position, sourceLine: line)
  }
}
