/// How long a watch waits between polls: `base` seconds after a poll that saw a change, and
/// half as long again after each idle poll, up to `maximum` (tower-cli's back-off, 1.5×, capped
/// at 30 s), so a long quiet stretch costs AWX little and a busy run is followed closely.
/// After a failed poll the wait doubles, within the same cap.
package struct PollSchedule: Equatable, Sendable {
  /// The wait after a poll that saw a change, in seconds.
  package let base: Double
  /// The longest wait, in seconds.
  package let maximum: Double
  /// The wait chosen last.
  package private(set) var current: Double

  /// The default longest wait.
  package static let defaultMaximum: Double = 30

  /// Creates a schedule starting at `base`.
  package init(base: Double, maximum: Double = defaultMaximum) {
    self.base = base
    self.maximum = max(maximum, base)
    current = base
  }

  /// The wait after a poll; `idle` when nothing changed.
  package mutating func next(idle: Bool) -> Double {
    current = idle ? min(current * 1.5, maximum) : base
    return current
  }

  /// The wait after a failed poll.
  package mutating func afterFailure() -> Double {
    current = min(max(current * 2, base), maximum)
    return current
  }
}
