import AWXReportFetch
import AWXReportModel
import AWXReportRender

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a watch shows on stderr while it follows a run.
///
/// - `.board`, on a terminal: a status board redrawn in place (counts by state, the running
///   nodes with their elapsed time, the latest finished ones, the overall elapsed time).
/// - `.lines`, anywhere else (CI logs): one plain line per change,
///   `09:01:58 node 302 "Sync cloud inventory" successful after 1m 15s`.
/// - `.quiet`: nothing (errors are printed by the command).
///
/// Every name from AWX goes through ``TerminalText``.
final class WatchDisplay {
  enum Mode { case board, lines, quiet }

  let mode: Mode
  /// Writes a piece of text to stderr (tests capture it).
  private let write: (String) -> Void
  /// The wall clock, in seconds since 1970.
  private let now: () -> Double
  /// Lines drawn by the last board.
  private var boardLines = 0
  /// The latest finished nodes, newest first.
  private var latestFinished: [JobPoller.Node] = []
  /// When the watch saw each node start running (for nodes whose `started` is not known).
  private var seenRunning: [Int: Double] = [:]

  init(
    mode: Mode, write: @escaping (String) -> Void = Diagnostics.write,
    now: @escaping () -> Double = WatchDisplay.wallClock
  ) {
    self.mode = mode
    self.write = write
    self.now = now
  }

  // MARK: Events

  /// After each poll.
  func polled(_ poll: JobPoller.Poll, _ poller: JobPoller) {
    let time = now()
    for change in poll.changes {
      if case .node(let node, _) = change {
        if node.status == .running, seenRunning[node.id] == nil { seenRunning[node.id] = time }
        if node.status?.isTerminal == true {
          latestFinished.removeAll { $0.id == node.id }
          latestFinished.insert(node, at: 0)
          if latestFinished.count > 5 { latestFinished.removeLast() }
        }
      }
    }
    switch mode {
    case .quiet: return
    case .board: drawBoard(poller, note: nil)
    case .lines:
      if poll.full {
        // The state found, not a line per node; nested workflows by name.
        if let top = poller.top { line(Self.startLine(top, poller)) }
        for change in poll.changes {
          if case .workflow(let w, _) = change, w.id != poller.workflowJobID,
            let text = Self.text(for: change, poller: poller)
          {
            line(text)
          }
        }
        return
      }
      for change in poll.changes {
        if let text = Self.text(for: change, poller: poller) { line(text) }
      }
    }
  }

  /// A poll failed with a passing error; the next one comes in `retry` seconds.
  func failed(_ error: FetchError, retry: Double, _ poller: JobPoller) {
    let text =
      "AWX did not answer (\(error.description)); polling again in "
      + "\(ElapsedFormat.short(retry))"
    switch mode {
    case .quiet: return
    case .board: drawBoard(poller, note: text)
    case .lines: line(text)
    }
  }

  /// A free-form line (for example "canceling workflow job 7").
  func note(_ text: String) {
    switch mode {
    case .quiet: return
    case .board:
      clearBoard()
      write(text + "\n")
    case .lines: line(text)
    }
  }

  /// Removes the board before the command prints its results.
  func finish() {
    if mode == .board { clearBoard() }
  }

  // MARK: Plain lines

  private func line(_ text: String) {
    write("\(Self.timeOfDay(now())) \(text)\n")
  }

  /// `workflow job 7 "Deploy" running: 3 successful, 2 running, 995 not started`.
  static func startLine(_ top: JobPoller.Workflow, _ poller: JobPoller) -> String {
    let counts = countText(poller.orderedNodes)
    return "workflow job \(top.id) \(TerminalText.quoted(top.name)) \(top.status.rawValue)"
      + (counts.isEmpty ? "" : ": \(counts)")
  }

  /// The last line, from the report's full fetch (which also knows the `do_not_run` marks):
  /// `workflow job 7 "Deploy" successful: 38 successful, 5 never run`.
  static func reportLine(_ summary: RunSummary) -> String {
    let order = [
      "successful", "failed", "error", "canceled", "running", "waiting", "pending", "new",
      "not_started", "never_run", "deleted",
    ]
    let known = Set(order)
    let counts = (order + summary.counts.keys.filter { !known.contains($0) }.sorted())
      .compactMap { state in
        summary.counts[state].map { "\($0) \(TerminalText.escaped(state.replacingUnderscores))" }
      }
    return "workflow job \(summary.job.id) \(TerminalText.quoted(summary.job.name)) "
      + "\(summary.job.status.rawValue)"
      + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", "))
  }

  /// The line for one change, or nil for changes not worth a line (`new`, `pending`,
  /// `waiting`: the next line, `running`, follows within seconds).
  static func text(for change: JobPoller.Change, poller: JobPoller) -> String? {
    switch change {
    case .workflow(let workflow, _):
      var text =
        "workflow job \(workflow.id) \(TerminalText.quoted(workflow.name)) "
        + workflow.status.rawValue
      if workflow.status.isTerminal, let s = workflow.started, let f = workflow.finished {
        text += " after \(ElapsedFormat.short(s.seconds(until: f)))"
      }
      return text
    case .node(let node, _):
      guard let status = node.status else { return nil }
      var where_ = ""
      if node.workflowJobID != poller.workflowJobID {
        where_ = " (workflow job \(node.workflowJobID))"
      }
      let head = "node \(node.id) \(TerminalText.quoted(node.name))\(where_)"
      switch status {
      case .new, .pending, .waiting:
        return node.isApproval ? "\(head) awaiting approval" : nil
      case .running:
        return "\(head) running"
      case .successful, .failed, .error, .canceled:
        var word = status.rawValue
        if node.isApproval {
          word =
            status == .successful ? "approved" : status == .failed ? "denied or timed out" : word
        }
        var text = "\(head) \(word)"
        if let elapsed = node.elapsed ?? duration(node) {
          text += " after \(ElapsedFormat.short(elapsed))"
        }
        if !node.explanation.isEmpty {
          text += ": " + TerminalText.escaped(TextSafety.truncated(node.explanation, to: 160))
        }
        return text
      case .other(let raw):
        return "\(head) \(TerminalText.escaped(raw))"
      }
    }
  }

  private static func duration(_ node: JobPoller.Node) -> Double? {
    guard let s = node.started, let f = node.finished else { return nil }
    return max(0, s.seconds(until: f))
  }

  /// `12 successful, 1 failed, 3 running, 984 not started`, in a fixed order.
  static func countText(_ nodes: [JobPoller.Node]) -> String {
    var counts: [String: Int] = [:]
    for node in nodes { counts[stateWord(node), default: 0] += 1 }
    return stateOrder.compactMap { word in counts[word].map { "\($0) \(word)" } }
      .joined(separator: ", ")
  }

  static let stateOrder = [
    "successful", "failed", "error", "canceled", "running", "pending", "awaiting approval",
    "not started", "never run",
  ]

  static func stateWord(_ node: JobPoller.Node) -> String {
    guard let status = node.status else { return node.doNotRun ? "never run" : "not started" }
    switch status {
    case .new, .pending, .waiting: return node.isApproval ? "awaiting approval" : "pending"
    case .running: return "running"
    case .successful: return "successful"
    case .failed: return "failed"
    case .error: return "error"
    case .canceled: return "canceled"
    case .other: return "running"
    }
  }

  // MARK: Board

  private func drawBoard(_ poller: JobPoller, note: String?) {
    guard let top = poller.top else { return }
    let width = max(Self.terminalWidth() - 1, 20)
    let time = now()
    var lines: [String] = []
    var head =
      "workflow job \(top.id) \(TerminalText.quoted(top.name, limit: 40)) "
      + top.status.rawValue
    if let started = top.started {
      let end =
        top.finished.map { started.seconds(until: $0) }
        ?? (time - Double(started.microseconds) / 1e6)
      head += " · \(ElapsedFormat.clock(end))"
    }
    lines.append(head)
    lines.append("  " + Self.countText(poller.orderedNodes))
    let running = poller.orderedNodes.filter { $0.status == .running }
    if !running.isEmpty {
      lines.append("  running:")
      for node in running.prefix(8) {
        let since =
          node.started.map { Double($0.microseconds) / 1e6 } ?? seenRunning[node.id] ?? time
        lines.append(
          "    ▶ node \(node.id) \(TerminalText.quoted(node.name, limit: 50)) "
            + ElapsedFormat.short(max(0, time - since)))
      }
      if running.count > 8 { lines.append("    + \(running.count - 8) more") }
    }
    if !latestFinished.isEmpty {
      lines.append("  latest finished:")
      for node in latestFinished {
        let state = Palette.state(of: node.status ?? .running)
        var text =
          "    \(Palette.symbol(state)) node \(node.id) "
          + "\(TerminalText.quoted(node.name, limit: 50)) \(node.status?.rawValue ?? "")"
        if let elapsed = node.elapsed ?? Self.duration(node) {
          text += " after \(ElapsedFormat.short(elapsed))"
        }
        lines.append(text)
      }
    }
    if let note { lines.append("  " + note) }
    clearBoard()
    let clipped = lines.map { Self.clip($0, to: width) }
    write(clipped.joined(separator: "\n") + "\n")
    boardLines = clipped.count
  }

  private func clearBoard() {
    guard boardLines > 0 else { return }
    // Up to the board's first line, then clear to the end of the screen.
    write("\u{1B}[\(boardLines)A\r\u{1B}[J")
    boardLines = 0
  }

  private static func clip(_ text: String, to width: Int) -> String {
    text.count <= width ? text : String(text.prefix(width - 1)) + "…"
  }

  private static func terminalWidth() -> Int {
    var size = winsize()
    guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
  }

  // MARK: Clock

  /// Seconds since 1970.
  static func wallClock() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// `09:01:58`, local time.
  static func timeOfDay(_ seconds: Double) -> String {
    var t = time_t(seconds)
    var parts = tm()
    localtime_r(&t, &parts)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
  }
}

extension String {
  /// `never_run` → `never run`.
  fileprivate var replacingUnderscores: String {
    String(map { $0 == "_" ? " " : $0 })
  }
}
