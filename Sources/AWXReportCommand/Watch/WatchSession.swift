import AWXReportAPI
import AWXReportFetch
import AWXReportModel
import AWXReportRender
import ArgumentParser
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Follows one workflow job until it reaches a final status, then writes exactly what `fetch`
/// writes at that moment (a full fetch, rendered and published). Used by `watch`, and by
/// `relaunch` and `launch` with `--watch`.
///
/// - Polls with ``JobPoller`` (cheap after the first poll), waiting `--interval` seconds after a
///   change and backing off to 30 s while nothing changes (``PollSchedule``).
/// - A passing failure (5xx, 429, a reset, a timeout) is shown and retried without ending the
///   watch. A refusal (401, 403, 404 and other 4xx, TLS, a foreign link) ends it with exit 1, as
///   does AWX not answering for ``maxOutage`` seconds in a row.
/// - `--timeout`: the report of the run as it stands, exit 4; with `--cancel-on-timeout` the job
///   is canceled first and the watch waits until AWX reports it finished.
/// - SIGINT / SIGTERM: the report as it stands, exit 130 / 143. The job is never canceled.
struct WatchSession {
  let client: AWXClient
  let jobID: Int
  let flags: WatchFlags
  let report: ReportFlags
  let display: WatchDisplay
  let environment: [String: String]

  /// The longest AWX may fail to answer before the watch gives up, when `--timeout` does not
  /// end it sooner.
  static let maxOutage: Double = 15 * 60
  /// The longest wait for AWX to finish canceling after `--cancel-on-timeout`.
  static let maxCancelWait: Double = 5 * 60

  /// How the watch ended.
  enum Ending: Equatable {
    case finished
    case timedOut
    case signal(Int32)
  }

  /// Runs the watch and writes the report. Returns the exit code to end with, if not 0.
  func run() throws(CommandError) -> ExitCode? {
    StopSignal.install()
    let poller = JobPoller(
      client: client, workflowJobID: jobID, depth: flags.depth,
      overlap: flags.overlap ?? max(2 * flags.interval, 2))
    var schedule = PollSchedule(base: flags.interval, maximum: flags.maxInterval)
    let start = Self.monotonic()
    let deadline = flags.timeout.map { start + $0.seconds }
    var failingSince: Double?
    var ending = Ending.finished
    while true {
      if let sig = StopSignal.received {
        ending = .signal(sig)
        break
      }
      if let deadline, Self.monotonic() >= deadline {
        ending = .timedOut
        break
      }
      var wait: Double
      do {
        let poll = try poller.poll()
        failingSince = nil
        display.polled(poll, poller)
        logPoll(poll)
        if poller.isFinished { break }
        wait = schedule.next(idle: poll.isIdle)
      } catch {
        guard Self.isPassing(error) else {
          display.finish()
          throw .other(error.description)
        }
        let now = Self.monotonic()
        let since = failingSince ?? now
        failingSince = since
        if now - since >= Self.maxOutage {
          display.finish()
          throw .other(
            "AWX has not answered for \(ElapsedFormat.short(now - since)); giving up: "
              + error.description)
        }
        wait = schedule.afterFailure()
        display.failed(error, retry: wait, poller)
      }
      if let deadline { wait = min(wait, max(0, deadline - Self.monotonic())) }
      StopSignal.sleep(wait)
    }
    display.finish()

    switch ending {
    case .finished: break
    case .timedOut:
      let limit = flags.timeout.map { ElapsedFormat.short($0.seconds) } ?? ""
      Diagnostics.warning(
        "workflow job \(jobID) did not finish within \(limit); writing the report as it stands")
      if flags.cancelOnTimeout {
        // A cancel that fails still leaves a report to write: say why, then write it.
        do throws(CommandError) {
          try cancelAndWait(display: display)
        } catch {
          Diagnostics.report(error)
        }
      }
    case .signal(let sig):
      Diagnostics.warning(
        "stopped by \(sig == SIGINT ? "SIGINT" : "SIGTERM"); writing the report of workflow job "
          + "\(jobID) as it stands (the job was not canceled)")
    }

    let written = try ReportWriter.write(
      client: client, jobID: jobID, depth: flags.depth, report: report,
      environment: environment)
    display.note(WatchDisplay.reportLine(written.summary))
    switch ending {
    case .finished: return report.exitCode(for: written.summary)
    case .timedOut: return ExitCode(ExitStatus.runNotFinished)
    case .signal(let sig): return ExitCode(128 + sig)
    }
  }

  /// `--cancel-on-timeout`: cancels the job and waits (bounded) until AWX reports it finished.
  private func cancelAndWait(display: WatchDisplay) throws(CommandError) {
    let root: String
    do {
      root = try client.resolvedAPIRoot()
      display.note("canceling workflow job \(jobID)")
      if case .notCancelable(let status) = try client.cancelWorkflowJob(jobID, root: root) {
        display.note("workflow job \(jobID) is already \(status.rawValue)")
        return
      }
    } catch {
      throw .other(error.description)
    }
    let status = try CancelWaiter.wait(
      client: client, jobID: jobID, root: root, interval: min(flags.interval, 2),
      limit: Self.maxCancelWait)
    display.note("workflow job \(jobID) \(status.rawValue)")
  }

  /// Appends the poll to `--poll-log`.
  private func logPoll(_ poll: JobPoller.Poll) {
    guard let path = flags.pollLog else { return }
    let line =
      "{\"requests\":\(poll.requests),\"changes\":\(poll.changes.count),"
      + "\"full\":\(poll.full)}\n"
    if FileManager.default.fileExists(atPath: path) {
      let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
      guard fd >= 0 else { return }
      defer { close(fd) }
      var bytes = Array(line.utf8)[...]
      while !bytes.isEmpty {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return }
        bytes = bytes.dropFirst(n)
      }
    } else {
      _ = FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
    }
  }

  /// Whether a failed poll may pass: a connection problem, a timeout, a cut-short answer, a
  /// 5xx or 429, or an answer of the wrong shape (a proxy's error page).
  static func isPassing(_ error: FetchError) -> Bool {
    switch error {
    case .connection, .couldNotConnect, .timeout, .truncated, .invalidJSON, .unexpectedResponse:
      return true
    case .http(_, let status, _, _):
      return status == 429 || status == 408 || (500...599).contains(status)
    default:
      return false
    }
  }

  /// Seconds on a clock that never jumps.
  static func monotonic() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}

/// Waits until a workflow job AWX was asked to cancel reaches a final status.
enum CancelWaiter {
  /// Polls the job's status every `interval` seconds (passing failures retried) until it is
  /// final; returns that status.
  /// - Throws: `CommandError` after `limit` seconds, on a refusal, or when a signal arrives.
  static func wait(client: AWXClient, jobID: Int, root: String, interval: Double, limit: Double)
    throws(CommandError) -> JobStatus
  {
    let start = WatchSession.monotonic()
    while true {
      do {
        let status = try client.workflowJobStatus(jobID, root: root)
        if status.isTerminal { return status }
      } catch {
        guard WatchSession.isPassing(error) else { throw .other(error.description) }
      }
      if StopSignal.received != nil {
        throw .other("stopped while waiting for workflow job \(jobID) to be canceled")
      }
      if WatchSession.monotonic() - start >= limit {
        throw .other(
          "workflow job \(jobID) was not canceled within "
            + "\(ElapsedFormat.short(limit)); it may still be running")
      }
      StopSignal.sleep(interval)
    }
  }
}

/// Fetches a workflow job in full, renders and publishes its reports: what `fetch` does.
enum ReportWriter {
  static func write(
    client: AWXClient, jobID: Int, depth: Int, report: ReportFlags,
    environment: [String: String]
  ) throws(CommandError) -> ArtifactSet {
    let snapshot: Snapshot
    do {
      snapshot = try AWXFetcher(client: client).fetch(
        workflowJobID: jobID, depth: depth, now: FetchCommand.now(),
        tool: "awx-report \(AWXReport.version)")
    } catch {
      throw .other(error.description)
    }
    let options = report.options(environment: environment)
    let result = try ReportRenderer(options: options).build(
      snapshotBytes: snapshot.encoded(), source: "workflow job \(jobID) from \(snapshot.host)")
    try Publisher.publish(result, options: options, quiet: report.quiet)
    return result
  }
}

extension WatchSession {
  /// The watch of `jobID`, shown the way `report` asks (a board on a terminal, plain lines
  /// otherwise, nothing with `-q`).
  init(
    client: AWXClient, jobID: Int, flags: WatchFlags, report: ReportFlags,
    environment: [String: String]
  ) {
    self.init(
      client: client, jobID: jobID, flags: flags, report: report,
      display: WatchDisplay(mode: report.displayMode), environment: environment)
  }

  /// What `launch` and `relaunch` do with the job they started: print its id (the command's
  /// result, even with `-q`) and, with `--watch`, follow it.
  /// - Returns: the exit code to end with, if not 0.
  static func started(
    _ newID: Int, follow: Bool, client: AWXClient, flags: WatchFlags, report: ReportFlags,
    environment: [String: String]
  ) throws(CommandError) -> ExitCode? {
    Output.line(String(newID))
    guard follow else { return nil }
    return try WatchSession(
      client: client, jobID: newID, flags: flags, report: report, environment: environment
    ).run()
  }
}
