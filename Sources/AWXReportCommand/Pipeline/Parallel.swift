import Dispatch

/// Runs independent pieces of CPU-bound work on every core and keeps their results.
enum Parallel {
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
}
