import Glibc

/// With `AWX_REPORT_TIMINGS` set, `awx-report` prints how long each step of a render took on
/// stderr (`timing: draw.graph 812.4 ms`): a profiling aid for the benchmarks, never output.
enum StageClock {
  static let enabled = getenv("AWX_REPORT_TIMINGS") != nil

  /// Runs `body`; prints its wall time under `label` when timings are on.
  static func measure<T, Failure: Error>(_ label: String, _ body: () throws(Failure) -> T)
    throws(Failure) -> T
  {
    guard enabled else { return try body() }
    let start = now()
    defer {
      let ms = Double(now() - start) / 1e6
      Diagnostics.note("timing: \(label) \((ms * 10).rounded() / 10) ms \(memory())")
    }
    return try body()
  }

  /// "rss 120 MB, peak 180 MB" from /proc/self/status.
  private static func memory() -> String {
    guard let f = fopen("/proc/self/status", "r") else { return "" }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 256)
    var out: [String] = []
    while fgets(&line, 256, f) != nil {
      let text = String(
        decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix("VmRSS:") || text.hasPrefix("VmHWM:") {
        let kb = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        out.append("\(text.prefix(5)) \(kb / 1024) MB")
      }
    }
    return out.joined(separator: ", ")
  }

  private static func now() -> Int64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
  }
}
