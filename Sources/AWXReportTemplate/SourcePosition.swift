/// A 1-based line and column in a template's source text.
///
/// Columns count characters (extended grapheme clusters), not bytes, so the caret printed under
/// an error lines up with what an editor shows.
package struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The 1-based line number.
  package var line: Int
  /// The 1-based column number, in characters.
  package var column: Int

  /// Creates a position from a 1-based line and column.
  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`, as used in compiler-style diagnostics.
  package var description: String { "\(line):\(column)" }

  /// Orders positions by line, then by column.
  package static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

extension SourcePosition {
  /// Locates a UTF-8 byte offset in `bytes`, returning its position and the text of its line
  /// (without the line terminator).
  static func locate(offset: Int, in bytes: [UInt8]) -> (SourcePosition, String) {
    let offset = min(max(offset, 0), bytes.count)
    var line = 1
    var lineStart = 0
    for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    var lineEnd = offset
    while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
    if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
    let prefix = String(decoding: bytes[lineStart..<min(offset, lineEnd)], as: UTF8.self)
    let text = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
    return (SourcePosition(line: line, column: prefix.count + 1), text)
  }
}
