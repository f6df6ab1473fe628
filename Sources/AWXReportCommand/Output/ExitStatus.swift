import AWXReportModel

/// The exit codes of the tool, and what `--exit-status` turns a run's outcome into, so a
/// pipeline can tell a red run (2, 3, 4) from a broken tool (1) or a bad command line (64).
enum ExitStatus {
  /// The report was written (and, with `--exit-status`, the run succeeded).
  static let success: Int32 = 0
  /// The tool failed: network, API, bad snapshot, validation, I/O.
  static let toolFailed: Int32 = 1
  /// The run failed or errored.
  static let runFailed: Int32 = 2
  /// The run was canceled.
  static let runCanceled: Int32 = 3
  /// The run has not finished.
  static let runNotFinished: Int32 = 4
  /// Bad usage (argument parser's EX_USAGE).
  static let usage: Int32 = 64

  /// The code `--exit-status` gives a run whose AWX status is `status`.
  static func code(for status: JobStatus) -> Int32 {
    switch status {
    case .successful: return success
    case .failed, .error: return runFailed
    case .canceled: return runCanceled
    default: return runNotFinished
    }
  }
}
