import AWXReportJSON
import AWXReportModel

/// One archived run, as the index shows it: read back from its directory's `summary.json`, so
/// an index can be rebuilt offline from the directories alone.
package struct ArchiveEntry: Hashable, Sendable {
  package var id: Int
  package var name: String
  package var templateID: Int?
  package var templateName: String?
  package var status: String
  package var launchType: String
  package var launchedBy: String?
  package var started: Timestamp?
  package var finished: Timestamp?
  /// Seconds, as AWX reported them.
  package var elapsed: Double?
  /// Nodes whose failure nothing handled.
  package var unhandledFailures: Int
  /// The directory's name, `workflow-job-<ID>`.
  package var directory: String
  /// Whether the directory holds `report.html`.
  package var hasReport: Bool
  /// SHA-256 (hex) of the directory's `SHA256SUMS`.
  package var manifestSHA256: String
  /// When the snapshot was fetched.
  package var fetchedAt: Timestamp?

  package init(
    id: Int, name: String, templateID: Int? = nil, templateName: String? = nil, status: String,
    launchType: String = "manual", launchedBy: String? = nil, started: Timestamp? = nil,
    finished: Timestamp? = nil, elapsed: Double? = nil, unhandledFailures: Int = 0,
    directory: String? = nil, hasReport: Bool = true, manifestSHA256: String = "",
    fetchedAt: Timestamp? = nil
  ) {
    self.id = id
    self.name = name
    self.templateID = templateID
    self.templateName = templateName
    self.status = status
    self.launchType = launchType
    self.launchedBy = launchedBy
    self.started = started
    self.finished = finished
    self.elapsed = elapsed
    self.unhandledFailures = unhandledFailures
    self.directory = directory ?? "workflow-job-\(id)"
    self.hasReport = hasReport
    self.manifestSHA256 = manifestSHA256
    self.fetchedAt = fetchedAt
  }

  /// Reads the entry from `summary.json` (``SummaryJSON``'s shape).
  /// - Throws: ``ArchiveIndexError`` naming the file and what is wrong.
  package init(
    summaryJSON bytes: [UInt8], directory: String, hasReport: Bool, manifestSHA256: String
  ) throws(ArchiveIndexError) {
    let file = "\(directory)/summary.json"
    let root: JSONValue
    do { root = try JSONParser.parse(bytes) } catch {
      throw ArchiveIndexError("\(file): invalid JSON at \(error.description)")
    }
    guard let job = root["workflow_job"], case .object = job else {
      throw ArchiveIndexError("\(file): no \"workflow_job\" object")
    }
    guard let id = job["id"]?.int, let status = job["status"]?.string else {
      throw ArchiveIndexError("\(file): workflow_job has no integer \"id\" or string \"status\"")
    }
    func time(_ v: JSONValue?) -> Timestamp? { v?.string.flatMap { Timestamp(iso8601: $0) } }
    self.init(
      id: id, name: job["name"]?.string ?? "", templateID: job["template_id"]?.int,
      templateName: job["template_name"]?.string, status: status,
      launchType: job["launch_type"]?.string ?? "", launchedBy: job["launched_by"]?.string,
      started: time(job["started"]), finished: time(job["finished"]),
      elapsed: job["elapsed"]?.double,
      unhandledFailures: root["verdict"]?["unhandled_failures"]?.array?.count ?? 0,
      directory: directory, hasReport: hasReport, manifestSHA256: manifestSHA256,
      fetchedAt: time(root["source"]?["fetched_at"]))
  }

  /// The run's template, as the index groups runs: its id, else its name, else none.
  package var templateKey: String {
    if let templateID { return "id:\(templateID)" }
    if let templateName { return "name:\(templateName)" }
    return "none"
  }
}

/// A job that could not be archived, and why.
package struct ArchiveFailure: Hashable, Sendable {
  package var id: Int
  package var reason: String
  package init(id: Int, reason: String) {
    self.id = id
    self.reason = reason
  }
}

/// Why an index could not be built.
package struct ArchiveIndexError: Error, Equatable, CustomStringConvertible {
  package var description: String
  package init(_ description: String) { self.description = description }
}

/// The figures of a group of runs.
package struct RunFigures: Hashable, Sendable {
  package var runs: Int
  package var successful: Int
  /// `successful / runs` (0 for no runs).
  package var successRate: Double
  /// The median of the known durations (the mean of the middle two for an even count).
  package var medianElapsed: Double?
  /// The 95th percentile of the known durations, by nearest rank: the smallest duration that
  /// at least 95 % of the runs do not exceed (the `ceil(0.95 × n)`-th smallest).
  package var p95Elapsed: Double?
  /// Runs per status.
  package var statuses: [String: Int]

  /// The figures of `entries`.
  package init(_ entries: [ArchiveEntry]) {
    runs = entries.count
    successful = entries.filter { $0.status == "successful" }.count
    successRate = runs == 0 ? 0 : Double(successful) / Double(runs)
    let durations = entries.compactMap(\.elapsed).filter(\.isFinite).sorted()
    medianElapsed = Self.median(durations)
    p95Elapsed = Self.percentile(durations, 0.95)
    var statuses: [String: Int] = [:]
    for e in entries { statuses[e.status, default: 0] += 1 }
    self.statuses = statuses
  }

  /// The median of `sorted` (ascending), nil when empty.
  package static func median(_ sorted: [Double]) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let n = sorted.count
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  }

  /// The nearest-rank percentile `p` (0 < p ≤ 1) of `sorted` (ascending), nil when empty.
  package static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    // Rounded first so 0.95 × 20 is 19, not 19.000000000000004 (which would give rank 20).
    let exact = (p * Double(sorted.count) * 1e9).rounded() / 1e9
    let rank = Int(exact.rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }
}

/// One workflow job template's runs and figures.
package struct TemplateRuns: Hashable, Sendable {
  package var templateID: Int?
  package var name: String
  package var figures: RunFigures
  /// The runs, newest first.
  package var entries: [ArchiveEntry]
}

/// The archive's index: every run (newest first), the figures per template and overall, and
/// the jobs that could not be archived. `index.json` and `index.html` are both made from it.
package struct ArchiveIndex: Sendable {
  /// The value of `index.json`'s `schema` key.
  package static let schemaID = "awx-report/index/1"

  /// Every run, newest (highest id) first.
  package var entries: [ArchiveEntry]
  /// Per template, by name (then id).
  package var templates: [TemplateRuns]
  /// All runs together.
  package var totals: RunFigures
  /// Jobs that could not be archived this time, by id (one each). A job can have a directory
  /// and a failure: an earlier copy that no longer verified and could not be fetched again.
  package var failures: [ArchiveFailure]
  /// The newest fetch time of the runs: the index's date, so the same directories always give
  /// the same bytes.
  package var generatedAt: Timestamp?
  /// The tool's name and version.
  package var tool: String

  package init(entries: [ArchiveEntry], failures: [ArchiveFailure], tool: String) {
    self.entries = entries.sorted { $0.id > $1.id }
    var seenFailures: Set<Int> = []
    self.failures = failures.filter { seenFailures.insert($0.id).inserted }.sorted { $0.id < $1.id }
    self.tool = tool
    totals = RunFigures(self.entries)
    generatedAt = entries.compactMap(\.fetchedAt).max()
    var groups: [String: [ArchiveEntry]] = [:]
    for e in self.entries { groups[e.templateKey, default: []].append(e) }
    templates = groups.values.map { runs in
      let first = runs[0]
      return TemplateRuns(
        templateID: first.templateID,
        name: first.templateName ?? (first.templateID == nil ? "(no template)" : first.name),
        figures: RunFigures(runs), entries: runs)
    }.sorted { ($0.name, $0.templateID ?? 0) < ($1.name, $1.templateID ?? 0) }
  }
}
