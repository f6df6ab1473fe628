import AWXReportRender
import FoundationEssentials

/// Archive progress on stderr: a bar redrawn in place on a terminal (jobs done / total,
/// requests, ETA), plain lines every few seconds otherwise; nothing with `--quiet`.
final class ArchiveProgress {
  let total: Int
  let quiet: Bool
  let counter: RequestCounter
  let terminal = Diagnostics.stderrIsTerminal
  let start = ContinuousClock.now
  var lastLine = ContinuousClock.now
  var shown = false
  /// Seconds between plain lines.
  var interval = 5.0

  init(total: Int, quiet: Bool, counter: RequestCounter) {
    self.total = total
    self.quiet = quiet
    self.counter = counter
  }

  func update(done: Int, failed: Int) {
    guard !quiet, total > 0 else { return }
    let now = ContinuousClock.now
    if terminal {
      let width = 24
      let filled = total == 0 ? width : width * done / total
      let bar =
        String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      var text = "archive [\(bar)] \(done)/\(total) jobs, \(counter.value) requests"
      if failed > 0 { text += ", \(failed) failed" }
      if let eta = eta(done: done, now: now) { text += ", ETA \(eta)" }
      Diagnostics.progress(text)
      shown = true
    } else if now - lastLine >= .milliseconds(Int64(interval * 1000)) {
      lastLine = now
      Diagnostics.note(
        "awx-report: archive: \(done)/\(total) jobs, \(counter.value) requests, \(failed) failed")
    }
  }

  func finish(done: Int, fetched: Int, skipped: Int, failed: Int) {
    if shown { Diagnostics.endProgress() }
    guard !quiet else { return }
    let elapsed = (ContinuousClock.now - start).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    Diagnostics.note(
      "awx-report: archive: \(done) jobs: \(fetched) fetched, \(skipped) already archived, "
        + "\(failed) failed; \(counter.value) requests in "
        + NumberFormat.decimal(seconds, places: 1, trimmingZeros: false) + " s")
  }

  /// `m:ss` left, from the pace so far.
  func eta(done: Int, now: ContinuousClock.Instant) -> String? {
    guard done > 0, done < total else { return nil }
    let elapsed = (now - start).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    let left = Int((seconds / Double(done) * Double(total - done)).rounded())
    return "\(left / 60):" + (left % 60 < 10 ? "0" : "") + "\(left % 60)"
  }
}
