import AWXReportAPI

/// Everything that ends a command with exit code 1. Each description is one line that names
/// what failed and where.
package enum CommandError: Error, Equatable, CustomStringConvertible {
  /// A file could not be read.
  case unreadable(path: String, reason: String)
  /// The snapshot (or an API answer in it) is malformed.
  case badInput(APIError)
  /// An output could not be written.
  case writeFailed(path: String, reason: String)
  /// A generated SVG failed validation; the lines are `file:line:column: error: message`.
  case invalidSVG([String])
  /// Anything else, already worded.
  case other(String)

  package var description: String {
    switch self {
    case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
    case .badInput(let e): return e.description
    case .writeFailed(let path, let reason): return "\(path): cannot write: \(reason)"
    case .invalidSVG(let lines): return lines.joined(separator: "\n")
    case .other(let text): return text
    }
  }
}
