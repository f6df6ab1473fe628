import AWXReportJSON
import AWXReportModel

/// Builds each failed child job's `JobFailureDetail` from the drill-down responses of a
/// snapshot (`job_events_failed`, `job_events_tail`, `job_host_summaries`, `job_stdout`).
///
/// Tolerant by design: a drill-down explains a failure, it never stops a report, so an event
/// of an unexpected shape is skipped rather than refused. Texts are kept as AWX sent them;
/// the renderers strip ANSI and redact.
enum FailureDetailDecoder {
  /// The event types AWX counts as a host failure.
  static let failedEvents: Set<String> = [
    "runner_on_failed", "runner_on_unreachable", "runner_item_on_failed",
    "runner_on_async_failed", "runner_on_error",
  ]
  /// The start of AWX's answer when the output is over the display limit.
  static let tooLarge = "Standard Output too large to display"
  /// The most output lines kept from `stdout/`.
  static let maxStdoutLines = 200

  /// The details, by child job id, of the drill-down responses among `responses`.
  static func decode(_ responses: [SnapshotResponse], children: [Int: ChildJob])
    -> [Int: JobFailureDetail]
  {
    var byJob: [Int: [SnapshotResponse]] = [:]
    for r in responses where r.kind.isDrillDown && (200..<300).contains(r.status) {
      guard let id = r.unifiedJobID else { continue }
      byJob[id, default: []].append(r)
    }
    var result: [Int: JobFailureDetail] = [:]
    for (id, mine) in byJob {
      var detail = JobFailureDetail(jobID: id)
      detail.possiblyIncomplete = children[id]?.eventProcessingFinished == false
      var tailEvents: [JSONValue] = []
      var failedPage: (items: [JSONValue], count: Int)?
      for r in mine {
        switch r.kind {
        case .jobEventsTail:
          guard let page = try? JSONParser.parse(r.body), let items = page["results"]?.array
          else { continue }
          tailEvents = items
          let count = page["count"]?.int ?? items.count
          detail.outputTailIsPartial = count > items.count
        case .jobEventsFailed:
          guard let page = try? JSONParser.parse(r.body), let items = page["results"]?.array
          else { continue }
          failedPage = (items, page["count"]?.int ?? items.count)
        case .jobHostSummaries:
          guard let page = try? JSONParser.parse(r.body), let items = page["results"]?.array
          else { continue }
          detail.hosts = items.compactMap(hostSummary).sorted { $0.host < $1.host }
        case .jobStdout:
          let text = String(decoding: r.body, as: UTF8.self)
          if let range = text.firstRange(of: tooLarge) {
            let sentence = text[range.lowerBound...].split(
              separator: "\n", maxSplits: 1, omittingEmptySubsequences: true
            ).first.map(String.init)
            detail.outputTooLarge = sentence ?? tooLarge
          } else {
            var lines = Self.lines(text)
            if lines.count > maxStdoutLines {
              lines = Array(lines.suffix(maxStdoutLines))
              detail.outputTailIsPartial = true
            }
            detail.outputTail = lines
          }
        default: break
        }
      }
      let sortedTail = tailEvents.sorted { ($0["counter"]?.int ?? 0) < ($1["counter"]?.int ?? 0) }
      if !sortedTail.isEmpty {
        detail.outputTail = sortedTail.flatMap { e -> [String] in
          guard let s = e["stdout"]?.string, !s.isEmpty else { return [] }
          return Self.lines(s)
        }
      }
      let source: [JSONValue]
      if let failedPage {
        source = failedPage.items
        detail.moreFailedTasks = max(0, failedPage.count - failedPage.items.count)
      } else {
        source = sortedTail
      }
      // AWX's list of unified jobs leaves out `event_processing_finished`, so also read the
      // events: a playbook job's last event is `playbook_on_stats`, and the host summaries are
      // made from it. Without it (and without host summaries) the events are still arriving,
      // or the playbook never reached its end: either way they may be incomplete.
      if children[id]?.type == .job, !sortedTail.isEmpty, detail.hosts.isEmpty,
        !sortedTail.contains(where: { $0["event"]?.string == "playbook_on_stats" })
      {
        detail.possiblyIncomplete = true
      }
      var seen: Set<Int> = []
      detail.failedTasks = source.compactMap(failedTask).filter { seen.insert($0.counter).inserted }
        .sorted { $0.counter < $1.counter }
      result[id] = detail
    }
    return result
  }

  /// Lines of output: `\r\n` and `\r` read as line ends, a final newline dropped.
  static func lines(_ text: String) -> [String] {
    let unified = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    var lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// A failed leaf event, or nil for anything else (a parent event, an ignored failure).
  static func failedTask(_ e: JSONValue) -> FailedTask? {
    guard case .object = e, let event = e["event"]?.string, failedEvents.contains(event),
      e["failed"]?.bool != false
    else { return nil }
    let data = e["event_data"] ?? .null
    if data["ignore_errors"]?.bool == true { return nil }
    let res = data["res"] ?? .null
    let censoredText = res["censored"]?.string
    var task = FailedTask(
      counter: e["counter"]?.int ?? 0, event: event,
      host: nonEmpty(e["host_name"]) ?? nonEmpty(data["host"]) ?? "",
      play: nonEmpty(e["play"]) ?? nonEmpty(data["play"]) ?? "",
      task: nonEmpty(e["task"]) ?? nonEmpty(data["task"]) ?? "",
      action: nonEmpty(data["resolved_action"]) ?? nonEmpty(data["task_action"]) ?? "",
      path: nonEmpty(data["task_path"]) ?? "",
      censored: censoredText != nil,
      unreachable: event == "runner_on_unreachable" || res["unreachable"]?.bool == true)
    guard censoredText == nil, case .object = res else { return task }
    task.message = text(res["msg"]) ?? ""
    if task.message.isEmpty, let results = res["results"]?.array {
      let firstFailed = results.first { $0["failed"]?.bool == true } ?? results.first
      task.message = firstFailed.flatMap { text($0["msg"]) } ?? ""
    }
    if task.message.isEmpty, let exception = text(res["exception"]) {
      task.message =
        exception.split(separator: "\n").last(where: { !$0.isEmpty }).map(String.init) ?? ""
    }
    task.rc = res["rc"]?.int
    task.stderr = text(res["stderr"]) ?? ""
    task.stdout = text(res["stdout"]) ?? ""
    if let parts = res["cmd"]?.array {
      task.cmd = parts.compactMap { $0.string ?? text($0) }.joined(separator: " ")
    } else {
      task.cmd = text(res["cmd"]) ?? ""
    }
    if event == "runner_item_on_failed" {
      task.item = text(res["_ansible_item_label"]) ?? text(res["item"])
    }
    return task
  }

  static func hostSummary(_ h: JSONValue) -> HostSummary? {
    guard case .object = h, let host = nonEmpty(h["host_name"]) else { return nil }
    func n(_ key: String) -> Int { h[key]?.int ?? 0 }
    return HostSummary(
      host: host, ok: n("ok"), changed: n("changed"), failures: n("failures"),
      unreachable: n("dark"), skipped: n("skipped"), rescued: n("rescued"), ignored: n("ignored"))
  }

  private static func nonEmpty(_ v: JSONValue?) -> String? {
    guard let s = v?.string, !s.isEmpty else { return nil }
    return s
  }

  /// A string as it is; a number, list or object as compact JSON; null or absent as nil.
  private static func text(_ v: JSONValue?) -> String? {
    guard let v, !v.isNull else { return nil }
    if let s = v.string { return s }
    return JSONWriter.write(v, style: .compact)
  }
}
