import AWXReportJSON

/// Why a snapshot or an API answer could not be turned into a workflow run. Every case says
/// where: the snapshot file's position, or the response (by URL) and the JSON path within it.
package enum APIError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The text is not JSON. `source` names it ("snapshot" or a response URL).
  case syntax(source: String, JSONSyntaxError)
  /// The JSON parsed but a value has the wrong type or is missing.
  case shape(source: String, path: String, message: String)
  /// A response the run needs is not in the snapshot.
  case missing(String)
  /// The nodes do not form a valid DAG.
  case graph(source: String, reason: String)

  package var description: String {
    switch self {
    case .syntax(let source, let e):
      return "\(source): invalid JSON at \(e.description)"
    case .shape(let source, let path, let message):
      return path.isEmpty ? "\(source): \(message)" : "\(source): \(path): \(message)"
    case .missing(let what):
      return what
    case .graph(let source, let reason):
      return "\(source): \(reason)"
    }
  }
}
