import Dispatch

/// Runs two independent pieces of CPU-bound work at the same time and returns both results.
enum Parallel {
  /// `first()` and `second()`, run concurrently; returns when both are done. When both fail,
  /// `first`'s error is thrown, so what is reported never depends on timing.
  static func both<A: Sendable, B: Sendable, Failure: Error>(
    _ first: @Sendable () throws(Failure) -> A, _ second: @Sendable () throws(Failure) -> B
  ) throws(Failure) -> (A, B) {
    let a = Slot<Result<A, Failure>>()
    let b = Slot<Result<B, Failure>>()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      if index == 0 {
        a.value = Result { () throws(Failure) in try first() }
      } else {
        b.value = Result { () throws(Failure) in try second() }
      }
    }
    // concurrentPerform returns only after both iterations finished, so both slots are set.
    let x = try (a.value ?? Result { () throws(Failure) in try first() }).get()
    let y = try (b.value ?? Result { () throws(Failure) in try second() }).get()
    return (x, y)
  }

  /// A result written by exactly one worker and read after both have finished.
  private final class Slot<T>: @unchecked Sendable {
    var value: T?
  }
}
