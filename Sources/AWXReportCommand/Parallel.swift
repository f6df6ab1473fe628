import Dispatch

/// Runs two independent pieces of work at the same time (the machine this tool targets has
/// two cores) and returns both results.
enum Parallel {
  /// `first()` and `second()`, run concurrently; returns when both are done.
  static func both<A: Sendable, B: Sendable>(
    _ first: @Sendable () -> A, _ second: @Sendable () -> B
  ) -> (A, B) {
    let a = Slot<A>()
    let b = Slot<B>()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      if index == 0 { a.value = first() } else { b.value = second() }
    }
    // concurrentPerform returns only after both iterations finished.
    guard let x = a.value, let y = b.value else { fatalError("Parallel.both lost a result") }
    return (x, y)
  }

  /// A result written by exactly one worker and read after both have finished.
  private final class Slot<T>: @unchecked Sendable {
    var value: T?
  }
}
