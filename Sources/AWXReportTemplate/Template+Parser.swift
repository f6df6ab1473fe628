/// Turns template source into a ``Node`` tree: scans it, applies the standalone-line rules, and
/// nests sections.
struct TemplateParser {
  let bytes: [UInt8]
  let templateName: String

  /// One piece after the standalone-line pass.
  private enum Piece {
    case text(Range<Int>)
    /// A tag; `indent` is the leading whitespace of a standalone partial, `nil` otherwise.
    case tag(RawTag, indent: Range<Int>?)
    case lineStart
  }

  /// An open section while nesting.
  private struct Frame {
    let tag: RawTag
    var nodes: [Node] = []
  }

  /// Parses the source into nodes, returning also every partial tag with its offset.
  mutating func parse() throws(TemplateError) -> (nodes: [Node], partials: [(String, Int)]) {
    var scanner = TemplateScanner(bytes: bytes, templateName: templateName)
    let pieces = applyStandaloneRules(try scanner.scan())
    return try nest(pieces)
  }

  /// Removes standalone lines (a single section, inverted, closing, comment, partial or
  /// set-delimiter tag with only spaces and tabs around it) and marks the start of every other
  /// non-empty line with ``Piece/lineStart``.
  private func applyStandaloneRules(_ tokens: [RawToken]) -> [Piece] {
    var pieces: [Piece] = []
    pieces.reserveCapacity(tokens.count + tokens.count / 2)
    var lineStart = 0
    while lineStart < tokens.count {
      var lineEnd = lineStart
      var hasNewline = false
      while lineEnd < tokens.count {
        if case .newline = tokens[lineEnd] {
          hasNewline = true
          lineEnd += 1
          break
        }
        lineEnd += 1
      }
      appendLine(tokens[lineStart..<lineEnd], hasNewline: hasNewline, to: &pieces)
      lineStart = lineEnd
    }
    return pieces
  }

  private func appendLine(
    _ line: ArraySlice<RawToken>, hasNewline: Bool, to pieces: inout [Piece]
  ) {
    var tag: RawTag?
    var tagCount = 0
    var onlyBlanks = true
    for token in line {
      switch token {
      case .tag(let found):
        tagCount += 1
        tag = found
      case .text(let range):
        if onlyBlanks, !isBlank(range) { onlyBlanks = false }
      case .newline:
        break
      }
    }
    if tagCount == 1, onlyBlanks, let tag, tag.kind.canStandAlone {
      var indent: Range<Int>?
      if tag.kind == .partial {
        let start: Int
        if case .text(let range) = line.first {
          start = range.lowerBound
        } else {
          start = tag.start
        }
        indent = start..<tag.start
      }
      pieces.append(.tag(tag, indent: indent))
      return
    }
    // A line that is only a terminator gets no indentation (nor does the empty tail of a
    // source that ends with one), like mustache.js.
    if !line.isEmpty, !(line.count == 1 && hasNewline) {
      pieces.append(.lineStart)
    }
    for token in line {
      switch token {
      case .text(let range), .newline(let range): pieces.append(.text(range))
      case .tag(let tag): pieces.append(.tag(tag, indent: nil))
      }
    }
  }

  /// Whether the bytes are only spaces and tabs.
  private func isBlank(_ range: Range<Int>) -> Bool {
    bytes[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
  }

  /// Nests sections and merges adjacent text.
  private func nest(_ pieces: [Piece]) throws(TemplateError) -> (
    nodes: [Node], partials: [(String, Int)]
  ) {
    var frames = [Frame(tag: RawTag(kind: .section, name: "", start: 0, end: 0))]
    var partials: [(String, Int)] = []
    var pendingText: [UInt8] = []

    func flushText() {
      if pendingText.isEmpty { return }
      frames[frames.count - 1].nodes.append(.text(pendingText))
      pendingText.removeAll(keepingCapacity: true)
    }

    for piece in pieces {
      switch piece {
      case .text(let range):
        pendingText.append(contentsOf: bytes[range])
      case .lineStart:
        flushText()
        frames[frames.count - 1].nodes.append(.lineStart)
      case .tag(let tag, let indent):
        switch tag.kind {
        case .comment, .setDelimiters:
          continue
        case .variable(let escaped):
          flushText()
          frames[frames.count - 1].nodes.append(.variable(NamePath(tag.name), escaped: escaped))
        case .partial:
          flushText()
          let indentBytes = indent.map { Array(bytes[$0]) }
          frames[frames.count - 1].nodes.append(
            .partial(name: tag.name, indent: indentBytes, offset: tag.start))
          partials.append((tag.name, tag.start))
        case .section, .invertedSection:
          flushText()
          frames.append(Frame(tag: tag))
        case .close:
          flushText()
          guard frames.count > 1 else {
            throw .unexpectedClosingTag(name: tag.name, at: location(tag.start))
          }
          let frame = frames.removeLast()
          guard frame.tag.name == tag.name else {
            throw .mismatchedClosingTag(
              expected: frame.tag.name, found: tag.name, at: location(tag.start))
          }
          frames[frames.count - 1].nodes.append(
            .section(
              NamePath(frame.tag.name), inverted: frame.tag.kind == .invertedSection,
              children: frame.nodes))
        }
      }
    }
    flushText()
    if frames.count > 1, let open = frames.last {
      throw .unclosedSection(name: open.tag.name, at: location(open.tag.start))
    }
    return (frames[0].nodes, partials)
  }

  private func location(_ offset: Int) -> TemplateError.Location {
    TemplateError.Location(templateName: templateName, offset: offset, in: bytes)
  }
}
