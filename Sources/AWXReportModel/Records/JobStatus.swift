/// A unified job's `status` (AWX `UnifiedJobTemplate.JOB_STATUS_CHOICES`).
package enum JobStatus: Hashable, Sendable, CustomStringConvertible {
  case new, pending, waiting, running, successful, failed, error, canceled
  /// A value this tool does not know (a newer AWX); kept verbatim and treated as active.
  case other(String)

  /// Maps AWX's status string.
  package init(_ raw: String) {
    switch raw {
    case "new": self = .new
    case "pending": self = .pending
    case "waiting": self = .waiting
    case "running": self = .running
    case "successful": self = .successful
    case "failed": self = .failed
    case "error": self = .error
    case "canceled": self = .canceled
    default: self = .other(raw)
    }
  }

  /// The status as AWX spells it.
  package var rawValue: String {
    switch self {
    case .new: return "new"
    case .pending: return "pending"
    case .waiting: return "waiting"
    case .running: return "running"
    case .successful: return "successful"
    case .failed: return "failed"
    case .error: return "error"
    case .canceled: return "canceled"
    case .other(let s): return s
    }
  }

  package var description: String { rawValue }

  /// `successful`, `failed`, `error` or `canceled`: the job will not change any more.
  package var isTerminal: Bool {
    switch self {
    case .successful, .failed, .error, .canceled: return true
    default: return false
    }
  }

  /// `failed`, `error` or `canceled`: what AWX's workflow manager treats as a failure.
  package var isFailure: Bool {
    switch self {
    case .failed, .error, .canceled: return true
    default: return false
    }
  }
}
