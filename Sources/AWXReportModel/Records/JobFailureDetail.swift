/// Why a failed child job failed, from its events, host summaries and output (the drill-down
/// a fetch makes for every child job that ended `failed` or `error`).
package struct JobFailureDetail: Hashable, Sendable {
  /// The child job's id.
  package var jobID: Int
  /// The failed leaf events (`runner_on_failed`, `runner_on_unreachable`, …) in counter order,
  /// without the ones AWX did not count as failures (`ignore_errors`).
  package var failedTasks: [FailedTask]
  /// The job's host summaries (playbook jobs only), by host name.
  package var hosts: [HostSummary]
  /// The last lines of output, oldest first, as AWX sent them (ANSI and all).
  package var outputTail: [String]
  /// Whether ``outputTail`` is the end of a longer output (more events than were fetched).
  package var outputTailIsPartial: Bool
  /// AWX's "Standard Output too large to display (…)" answer, when the output came from
  /// `stdout/` and was refused for its size.
  package var outputTooLarge: String?
  /// Whether AWX had more failed events than were fetched (the list is the first of them).
  package var moreFailedTasks: Int
  /// Whether the events may be incomplete: AWX said it had not finished processing them
  /// (`event_processing_finished: false`, when the job record carries it), or a playbook job
  /// with events has neither a `playbook_on_stats` event nor host summaries.
  package var possiblyIncomplete: Bool

  package init(
    jobID: Int, failedTasks: [FailedTask] = [], hosts: [HostSummary] = [],
    outputTail: [String] = [], outputTailIsPartial: Bool = false, outputTooLarge: String? = nil,
    moreFailedTasks: Int = 0, possiblyIncomplete: Bool = false
  ) {
    self.jobID = jobID
    self.failedTasks = failedTasks
    self.hosts = hosts
    self.outputTail = outputTail
    self.outputTailIsPartial = outputTailIsPartial
    self.outputTooLarge = outputTooLarge
    self.moreFailedTasks = moreFailedTasks
    self.possiblyIncomplete = possiblyIncomplete
  }

  /// The failed tasks whose host was reachable.
  package var taskFailures: [FailedTask] { failedTasks.filter { !$0.unreachable } }
  /// The unreachable-host events.
  package var unreachable: [FailedTask] { failedTasks.filter(\.unreachable) }
}

/// One failed leaf event: a task that failed on a host, or a host that could not be reached.
package struct FailedTask: Hashable, Sendable {
  /// The event's counter (its place in the job's output).
  package var counter: Int
  /// AWX's event type, for example `runner_on_failed` or `runner_item_on_failed`.
  package var event: String
  /// The host's name.
  package var host: String
  /// The play's name.
  package var play: String
  /// The task's name.
  package var task: String
  /// The module (`resolved_action`, else `task_action`).
  package var action: String
  /// `res.msg` (for a loop item failure, the item's message), or "".
  package var message: String
  /// `res.rc`, when the result has one.
  package var rc: Int?
  /// `res.stderr`, or "".
  package var stderr: String
  /// `res.stdout`, or "".
  package var stdout: String
  /// `res.cmd`, the command a `command`/`shell` task ran (a list is joined with spaces), or "".
  package var cmd: String = ""
  /// The task's `file:line` (`task_path`), or "".
  package var path: String
  /// The loop item, for an item failure, as compact JSON or text.
  package var item: String?
  /// Whether AWX censored the result (`no_log: true`): nothing of it is known.
  package var censored: Bool
  /// Whether the host was unreachable (`runner_on_unreachable`).
  package var unreachable: Bool

  package init(
    counter: Int, event: String, host: String, play: String = "", task: String = "",
    action: String = "", message: String = "", rc: Int? = nil, stderr: String = "",
    stdout: String = "", path: String = "", item: String? = nil, censored: Bool = false,
    unreachable: Bool = false
  ) {
    self.counter = counter
    self.event = event
    self.host = host
    self.play = play
    self.task = task
    self.action = action
    self.message = message
    self.rc = rc
    self.stderr = stderr
    self.stdout = stdout
    self.path = path
    self.item = item
    self.censored = censored
    self.unreachable = unreachable
  }
}

/// One host's counts at the end of a playbook job (`job_host_summaries`).
package struct HostSummary: Hashable, Sendable {
  package var host: String
  package var ok: Int
  package var changed: Int
  package var failures: Int
  /// Unreachable (`dark`).
  package var unreachable: Int
  package var skipped: Int
  package var rescued: Int
  package var ignored: Int

  package init(
    host: String, ok: Int = 0, changed: Int = 0, failures: Int = 0, unreachable: Int = 0,
    skipped: Int = 0, rescued: Int = 0, ignored: Int = 0
  ) {
    self.host = host
    self.ok = ok
    self.changed = changed
    self.failures = failures
    self.unreachable = unreachable
    self.skipped = skipped
    self.rescued = rescued
    self.ignored = ignored
  }

  /// AWX's `failed`: the host had a failure or was unreachable.
  package var failed: Bool { failures > 0 || unreachable > 0 }
}
