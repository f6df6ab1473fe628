import AWXReportModel

/// The texts of a failed job's drill-down made fit for every output: ANSI codes stripped
/// (they are also illegal in XML), `\r\n` read as one line end, long values cut with a visible
/// marker, and (unless turned off) the report's one redaction policy applied (``Redaction``).
package enum FailureText {
  /// The most characters kept of a message, an excerpt or an output line.
  package static let messageLimit = 2000
  /// The most characters kept of `stderr` or `stdout`.
  package static let excerptLimit = 1000
  /// The most characters kept of a name (host, play, task, module, path).
  package static let nameLimit = 300
  /// The most output lines kept.
  package static let maxLines = 200
  /// What a censored (`no_log`) result is shown as.
  package static let censored = "(censored by AWX: no_log)"

  /// `detail` with every text cleaned.
  package static func cleaned(_ detail: JobFailureDetail, redact: Bool) -> JobFailureDetail {
    var d = detail
    func clean(_ s: String, _ limit: Int) -> String {
      var t = TextSafety.withoutANSI(s).replacing("\r\n", with: "\n").replacing("\r", with: "\n")
      if redact { t = Redaction.text(t) }
      return TextSafety.truncated(t, to: limit)
    }
    d.failedTasks = d.failedTasks.map { t in
      var t = t
      t.host = clean(t.host, nameLimit)
      t.play = clean(t.play, nameLimit)
      t.task = clean(t.task, nameLimit)
      t.action = clean(t.action, nameLimit)
      t.path = clean(t.path, nameLimit)
      t.message = clean(t.message, messageLimit)
      t.stderr = clean(t.stderr, excerptLimit)
      t.stdout = clean(t.stdout, excerptLimit)
      t.cmd = clean(t.cmd, excerptLimit)
      t.item = t.item.map { clean($0, nameLimit) }
      return t
    }
    d.hosts = d.hosts.map { h in
      var h = h
      h.host = clean(h.host, nameLimit)
      return h
    }
    d.outputTail = d.outputTail.suffix(maxLines).map { clean($0, messageLimit) }
    d.outputTooLarge = d.outputTooLarge.map { clean($0, messageLimit) }
    return d
  }

  /// The run with every drill-down cleaned but not redacted (`--no-redact`), nested runs
  /// included.
  package static func cleanedOnly(_ run: WorkflowRun) -> WorkflowRun {
    var r = run
    r.failureDetails = r.failureDetails.mapValues { cleaned($0, redact: false) }
    r.nested = r.nested.mapValues(cleanedOnly)
    return r
  }

  /// A one-line statement of a failed task: `task on host: message` (or censored).
  package static func oneLine(_ t: FailedTask) -> String {
    let what = t.unreachable ? "unreachable" : (t.task.isEmpty ? t.event : t.task)
    let message = t.censored ? censored : t.message
    let head = t.unreachable ? "\(t.host) \(what)" : "\(what) on \(t.host)"
    return message.isEmpty ? head : "\(head): \(TextSafety.singleLine(message))"
  }
}
