import AWXReportAPI
import AWXReportFetch
import AWXReportModel
import AWXReportRender
import ArgumentParser
import Dispatch
import FoundationEssentials
import Synchronization

/// `awx-report archive`: every finished workflow job the filters select, each into its own
/// `workflow-job-<ID>/` (the files of `fetch`), then `index.html`, `index.json` and a root
/// `SHA256SUMS`.
struct ArchiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "archive",
    abstract: "Archive every finished workflow job the filters select, with an index.",
    discussion: """
      Jobs are listed with the filters of 'list' (by AWX, sorted by id, paged with id__gt; \
      with --limit the newest N) and \
      fetched --concurrency at a time, one connection per worker; a 429 or 503 answer pauses \
      every worker. A job whose directory is already there and verifies (SHA256SUMS and the \
      snapshot's digests) is not fetched again unless --refresh is given, so a second run costs \
      only the list requests, and a run that was killed resumes where it stopped. Each job \
      directory appears at once, complete, or not at all. Jobs that cannot be archived are \
      listed in the index and on stderr, and the exit status is 1. With SOURCE_DATE_EPOCH set, \
      snapshots carry that time as their fetch time, so the same AWX data gives the same bytes.
      """)

  @OptionGroup var filters: ListFilterFlags

  @Option(help: "Jobs fetched at once, each over its own connection (1 to 32).")
  var concurrency: Int = 4

  @Flag(help: "Fetch and rewrite jobs already archived.")
  var refresh = false

  @Option(help: "Levels of nested workflows to fetch (0: none).")
  var depth: Int = AWXFetcher.defaultDepth

  @OptionGroup var connection: ConnectionFlags

  @OptionGroup var report: ReportFlags

  func validate() throws {
    guard (1...32).contains(concurrency) else {
      throw ValidationError("--concurrency must be between 1 and 32")
    }
    guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
    if !filters.statuses.isEmpty,
      !filters.statuses.contains(where: WorkflowJobFilter.finishedStatuses.contains)
    {
      throw ValidationError(
        "archive keeps finished jobs only: --status must include one of "
          + WorkflowJobFilter.finishedStatuses.joined(separator: ", "))
    }
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    var options = report.options(environment: environment)
    // The index is built from summary.json and links report.html.
    options.formats.insert(.json)
    let outcome: ArchiveOutcome
    do throws(CommandError) {
      let filter: WorkflowJobFilter
      do {
        filter = try filters.filter(now: FetchCommand.now())
      } catch {
        throw .other(error.message)
      }
      var finished = filter
      // --limit without --order keeps the newest jobs.
      if filters.limit != nil && filters.order == nil { finished.order = "-id" }
      finished.statuses =
        filter.statuses.isEmpty
        ? WorkflowJobFilter.finishedStatuses
        : filter.statuses.filter(WorkflowJobFilter.finishedStatuses.contains)
      let archiver = Archiver(
        directory: ArchiveDirectory(path: options.outDir),
        renderer: ReportRenderer(options: options),
        options: options, concurrency: concurrency, refresh: refresh, depth: depth,
        fetchedAt: ReportOptions.sourceDateEpoch(environment), quiet: report.quiet)
      outcome = try archiver.run(
        connection: connection, environment: environment, filter: finished,
        limit: filters.limit, byID: filters.order == nil && filters.limit == nil)
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
    for f in outcome.failures {
      Diagnostics.error("workflow job \(f.id) was not archived: \(f.reason)")
    }
    if !report.quiet {
      for path in outcome.written { Output.line(path) }
    }
    if !outcome.failures.isEmpty { throw ExitCode(ExitStatus.toolFailed) }
  }
}

/// What an archive run did.
struct ArchiveOutcome {
  /// Paths written: each new job directory (by id), then the index files.
  var written: [String] = []
  /// The jobs fetched and published, in the order they finished.
  var archived: [Int] = []
  var fetched = 0
  var skipped = 0
  var failures: [ArchiveFailure] = []
}

/// Lists, fetches (N workers), publishes and indexes.
struct Archiver {
  let directory: ArchiveDirectory
  let renderer: ReportRenderer
  let options: ReportOptions
  let concurrency: Int
  let refresh: Bool
  let depth: Int
  /// The fetch time written into snapshots; nil for the clock.
  let fetchedAt: Timestamp?
  let quiet: Bool
  /// How often the index is rewritten while jobs arrive, in seconds.
  var indexInterval = 2.0

  func run(
    connection: ConnectionFlags, environment: [String: String], filter: WorkflowJobFilter,
    limit: Int?, byID: Bool
  ) throws(CommandError) -> ArchiveOutcome {
    try directory.create()
    directory.removeLeftovers()
    let templates = try renderer.library()
    var warnings: [String] = []
    let counter = RequestCounter()

    // List (one client), then fetch (one client per worker, one shared back-off).
    var settings = try connection.settings(environment: environment)
    for warning in settings.warnings { Diagnostics.warning(warning.description) }
    let backoff = SharedBackoff(maxRetryAfter: settings.maxRetryAfter)
    let observer: @Sendable (FetchEvent) -> Void = { event in
      if case .request = event { counter.add() }
      if let line = connection.logLine(for: event) { Diagnostics.note(line) }
    }
    let makeClient: @Sendable (ConnectionSettings) throws(FetchError) -> AWXClient = {
      settings throws(FetchError) in
      let curl = try CurlTransport(settings: settings, userAgent: "awx-report/\(AWXReport.version)")
      return AWXClient(
        settings: settings, transport: backoff.transport(over: curl), observer: observer)
    }
    let jobs: [WorkflowJob]
    do {
      let client = try makeClient(settings)
      let root: String
      if let configured = settings.apiRoot {
        root = configured
      } else {
        root = try client.discoverAPIRoot()
      }
      settings.apiRoot = root
      let lister = WorkflowJobLister(client: client, root: root)
      if byID {
        jobs = try lister.listByID(filter, limit: limit)
      } else {
        jobs = try lister.list(filter, limit: limit)
      }
    } catch {
      throw .other(error.description)
    }
    let todo = jobs.filter { $0.status.isTerminal }
    let workerSettings = settings

    // The index first describes what is there now (a killed run may have left it behind).
    var entries: [Int: ArchiveEntry] = [:]
    for e in directory.scanEntries() { entries[e.id] = e }
    try directory.writeIndex(
      entries: Array(entries.values), failures: [], templates: templates,
      strictValidation: options.strictValidation, warnings: &warnings)

    // Fetch workers keep `concurrency` requests in flight; rendering (CPU) happens on other
    // threads, one per core, so a connection never waits for a page to be drawn.
    let queue = WorkQueue(todo)
    let rendering = RenderQueue()
    let progress = ArchiveProgress(total: todo.count, quiet: quiet, counter: counter)
    let workers = min(concurrency, max(todo.count, 1))
    let fetchersLeft = Atomic<Int>(workers)
    let renderers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, todo.count))
    for _ in 0..<workers {
      let worker = FetchWorker(
        directory: directory, refresh: refresh, depth: depth, fetchedAt: fetchedAt,
        makeClient: { () throws(FetchError) in try makeClient(workerSettings) },
        queue: queue, rendering: rendering)
      startThread(stackSize: 8 << 20) {
        worker.run()
        if fetchersLeft.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
          rendering.close()
        }
      }
    }
    for _ in 0..<renderers {
      let worker = RenderWorker(directory: directory, renderer: renderer, queue: queue)
      startThread(stackSize: 8 << 20) { worker.run(rendering) }
    }

    var outcome = ArchiveOutcome()
    var lastIndex = ContinuousClock.now
    var dirty = false
    var finishedCount = 0
    while finishedCount < todo.count {
      let results = queue.waitForResults(timeout: 0.5)
      for result in results {
        finishedCount += 1
        switch result.kind {
        case .skipped:
          outcome.skipped += 1
        case .archived(let entry, let warns):
          outcome.fetched += 1
          entries[entry.id] = entry
          outcome.archived.append(entry.id)
          for w in warns where !warnings.contains(w) { warnings.append(w) }
          dirty = true
        case .failed(let reason):
          outcome.failures.append(ArchiveFailure(id: result.id, reason: reason))
          dirty = true
        }
      }
      progress.update(done: finishedCount, failed: outcome.failures.count)
      if dirty, ContinuousClock.now - lastIndex > .milliseconds(Int64(indexInterval * 1000)) {
        try directory.writeIndex(
          entries: Array(entries.values), failures: outcome.failures, templates: templates,
          strictValidation: options.strictValidation, warnings: &warnings)
        lastIndex = ContinuousClock.now
        dirty = false
      }
    }
    progress.finish(
      done: finishedCount, fetched: outcome.fetched, skipped: outcome.skipped,
      failed: outcome.failures.count)
    // The final index is read back from the directories, exactly as `awx-report index` does.
    outcome.written = outcome.archived.sorted().map { directory.jobURL($0).path }
    outcome.written += try directory.writeIndex(
      entries: directory.scanEntries(), failures: outcome.failures, templates: templates,
      strictValidation: options.strictValidation, warnings: &warnings)
    for w in warnings { Diagnostics.warning(w) }
    outcome.failures.sort { $0.id < $1.id }
    return outcome
  }
}

/// A fetch worker: takes jobs from the queue until it is empty; skips a job whose directory
/// verifies, else fetches its snapshot (over its own connection) and hands it to the renderers.
struct FetchWorker: @unchecked Sendable {
  let directory: ArchiveDirectory
  let refresh: Bool
  let depth: Int
  let fetchedAt: Timestamp?
  let makeClient: () throws(FetchError) -> AWXClient
  let queue: WorkQueue
  let rendering: RenderQueue

  func run() {
    var client: AWXClient?
    while let job = queue.next() {
      if !refresh, FileManager.default.fileExists(atPath: directory.jobURL(job.id).path) {
        guard let problem = directory.verify(job.id) else {
          queue.finish(WorkQueue.Result(id: job.id, kind: .skipped))
          continue
        }
        Diagnostics.warning(
          "workflow-job-\(job.id) does not verify (\(problem)): fetching it again")
      }
      do throws(FetchError) {
        if client == nil { client = try makeClient() }
        let snapshot = try AWXFetcher(client: client!).fetch(
          workflowJobID: job.id, depth: depth, now: fetchedAt ?? FetchCommand.now(),
          tool: "awx-report \(AWXReport.version)")
        rendering.put(snapshot)
      } catch {
        queue.finish(
          WorkQueue.Result(id: job.id, kind: .failed(TextSafety.singleLine(error.description))))
      }
    }
  }
}

/// A render worker: renders and publishes the fetched snapshots until the queue is closed.
struct RenderWorker: Sendable {
  let directory: ArchiveDirectory
  let renderer: ReportRenderer
  let queue: WorkQueue

  func run(_ rendering: RenderQueue) {
    while let snapshot = rendering.take() {
      let kind: WorkQueue.Result.Kind
      do throws(CommandError) {
        kind = try publish(snapshot)
      } catch {
        kind = .failed(TextSafety.singleLine(error.description))
      }
      queue.finish(WorkQueue.Result(id: snapshot.workflowJobID, kind: kind))
    }
  }

  func publish(_ snapshot: Snapshot) throws(CommandError) -> WorkQueue.Result.Kind {
    let id = snapshot.workflowJobID
    let set = try renderer.build(
      snapshotBytes: snapshot.encoded(), source: "workflow job \(id) from \(snapshot.host)")
    guard set.summary.isFinished else {
      throw .other("the job is \(set.summary.job.status.rawValue), not finished")
    }
    let files = set.files
    try OutputDirectory(parent: directory.url, name: set.directoryName).publish(files)
    let summary = set[.summaryJSON] ?? []
    let manifest = files.last?.bytes ?? []
    let entry = try ArchiveDirectory.entry(
      summary: summary, manifest: manifest, directory: set.directoryName,
      hasReport: set[.html] != nil)
    return .archived(entry, set.warnings)
  }
}

/// Fetched snapshots waiting to be rendered; `take()` blocks until one arrives or the queue is
/// closed and empty.
final class RenderQueue: Sendable {
  private struct State {
    var items: [Snapshot?] = []
    var head = 0
    var closed = false
  }
  private let state = Mutex(State())
  private let available = DispatchSemaphore(value: 0)

  func put(_ snapshot: Snapshot) {
    state.withLock { $0.items.append(snapshot) }
    available.signal()
  }

  /// No more snapshots will come: wakes every waiting renderer.
  func close() {
    state.withLock { $0.closed = true }
    for _ in 0..<64 { available.signal() }
  }

  func take() -> Snapshot? {
    while true {
      let (item, done): (Snapshot?, Bool) = state.withLock { s in
        if s.head < s.items.count {
          defer {
            s.items[s.head] = nil
            s.head += 1
          }
          return (s.items[s.head], false)
        }
        return (nil, s.closed)
      }
      if let item { return item }
      if done {
        available.signal()
        return nil
      }
      available.wait()
    }
  }
}

/// The jobs still to do, and the results for the main thread.
final class WorkQueue: Sendable {
  struct Result: Sendable {
    enum Kind: Sendable {
      case skipped
      case archived(ArchiveEntry, [String])
      case failed(String)
    }
    var id: Int
    var kind: Kind
  }

  private struct State {
    var pending: [WorkflowJob]
    var next = 0
    var results: [Result] = []
  }

  private let state: Mutex<State>
  private let signal = DispatchSemaphore(value: 0)

  init(_ jobs: [WorkflowJob]) { state = Mutex(State(pending: jobs)) }

  /// The next job, or nil when none is left.
  func next() -> WorkflowJob? {
    state.withLock { s in
      guard s.next < s.pending.count else { return nil }
      defer { s.next += 1 }
      return s.pending[s.next]
    }
  }

  func finish(_ result: Result) {
    state.withLock { $0.results.append(result) }
    signal.signal()
  }

  /// The results that arrived, waiting up to `timeout` seconds for the first.
  func waitForResults(timeout: Double) -> [Result] {
    _ = signal.wait(timeout: .now() + timeout)
    return state.withLock { s in
      defer { s.results.removeAll() }
      return s.results
    }
  }
}

/// Requests made by every client together.
final class RequestCounter: Sendable {
  private let count = Atomic<Int>(0)
  func add() { count.add(1, ordering: .relaxed) }
  var value: Int { count.load(ordering: .relaxed) }
}
