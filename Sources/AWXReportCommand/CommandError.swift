import AWXReportAPI
import AWXReportRender
import AWXReportTemplate

/// Everything that ends a command with exit code 1. Each description is one line that names
/// what failed and where; ``stage`` says which step of the work it stopped.
package enum CommandError: Error, Equatable, CustomStringConvertible {
  /// A file could not be read.
  case unreadable(path: String, reason: String)
  /// The snapshot (or an API answer in it) is malformed, or its nodes are not a DAG.
  case badInput(APIError)
  /// The report templates could not be loaded (`--templates DIR`).
  case template(ReportTemplatesError)
  /// The page could not be rendered from the templates.
  case page(TemplateError)
  /// A generated SVG failed validation; the lines are `file:line:column: error: message`.
  case invalidSVG([String])
  /// An output could not be written.
  case writeFailed(path: String, reason: String)
  /// Anything else, already worded.
  case other(String)

  /// The steps of the work, for errors and logs.
  package enum Stage: String, Sendable {
    case read, decode, render, validate, write, other
  }

  /// The step the error stopped.
  package var stage: Stage {
    switch self {
    case .unreadable: return .read
    case .badInput: return .decode
    case .template, .page: return .render
    case .invalidSVG: return .validate
    case .writeFailed: return .write
    case .other: return .other
    }
  }

  package var description: String {
    switch self {
    case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
    case .badInput(let e): return e.description
    case .template(let e): return e.description
    case .page(let e): return e.description
    case .invalidSVG(let lines): return lines.joined(separator: "\n")
    case .writeFailed(let path, let reason): return "\(path): cannot write: \(reason)"
    case .other(let text): return text
    }
  }
}
