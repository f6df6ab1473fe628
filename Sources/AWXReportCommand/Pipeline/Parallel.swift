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

  /// `first()`, `second()` and `third()`, run concurrently on as many cores as there are:
  /// with two, the first two start and the third goes to whichever core finishes first, so
  /// put the two longest first. Returns when all three are done.
  static func three<A: Sendable, B: Sendable, C: Sendable>(
    _ first: @Sendable () -> A, _ second: @Sendable () -> B, _ third: @Sendable () -> C
  ) -> (A, B, C) {
    let a = Slot<A>()
    let b = Slot<B>()
    let c = Slot<C>()
    DispatchQueue.concurrentPerform(iterations: 3) { index in
      switch index {
      case 0: a.value = first()
      case 1: b.value = second()
      default: c.value = third()
      }
    }
    // concurrentPerform returns only after every iteration finished, so every slot is set.
    return (a.value ?? first(), b.value ?? second(), c.value ?? third())
  }

  /// Runs `body(0)`, …, `body(count - 1)` on every core, each index once; returns when all are
  /// done. Cores take the next index as they free up, so put the longest first.
  static func forEach(count: Int, _ body: @Sendable (Int) -> Void) {
    DispatchQueue.concurrentPerform(iterations: count, execute: body)
  }

  /// One result per task index, each written by exactly one worker and read after
  /// ``forEach(count:_:)`` returned.
  final class Slots<T>: @unchecked Sendable {
    /// Allocated once: workers write distinct elements in place, never the array itself.
    private let storage: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
      storage = .allocate(capacity: count)
      storage.initialize(repeating: nil)
    }

    deinit {
      storage.deinitialize()
      storage.deallocate()
    }

    subscript(index: Int) -> T? {
      get { storage[index] }
      set { storage[index] = newValue }
    }

    /// Every slot, in index order.
    var values: [T?] { Array(storage) }
  }

  /// A result written by exactly one worker and read after both have finished.
  private final class Slot<T>: @unchecked Sendable {
    var value: T?
  }
}
