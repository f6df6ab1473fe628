/// The unified job a workflow node spawned, merged from the node's `summary_fields.job` and the
/// child's own record (fetched in bulk), whichever is richer.
package struct ChildJob: Hashable, Sendable {
  /// The job's id.
  package var id: Int
  /// The job's type.
  package var type: JobType
  /// The job's name (the template's name at launch).
  package var name: String
  /// The job's status.
  package var status: JobStatus
  /// When the job started, if it did.
  package var started: Timestamp?
  /// When the job finished, if it did.
  package var finished: Timestamp?
  /// Seconds, as AWX stored or computed them.
  package var elapsed: Double?
  /// AWX's reason for the outcome, or "".
  package var explanation: String
  /// `manual`, `workflow`, … (`launch_type`), when known.
  package var launchType: String?
  /// Approval only: the approval timed out.
  package var timedOut: Bool
  /// Approval only: who approved or denied it.
  package var decidedBy: String?
  /// Approval only: when a pending approval expires.
  package var approvalExpiration: Timestamp?
  /// AWX's `event_processing_finished` (false: events may still be arriving), when given.
  package var eventProcessingFinished: Bool?
  /// Whether the full job record was available (false: only the node's summary was).
  package var hasDetail: Bool

  /// Creates a child job.
  package init(
    id: Int, type: JobType, name: String, status: JobStatus, started: Timestamp? = nil,
    finished: Timestamp? = nil, elapsed: Double? = nil, explanation: String = "",
    launchType: String? = nil, timedOut: Bool = false, decidedBy: String? = nil,
    approvalExpiration: Timestamp? = nil, hasDetail: Bool = false
  ) {
    self.id = id
    self.type = type
    self.name = name
    self.status = status
    self.started = started
    self.finished = finished
    self.elapsed = elapsed
    self.explanation = explanation
    self.launchType = launchType
    self.timedOut = timedOut
    self.decidedBy = decidedBy
    self.approvalExpiration = approvalExpiration
    self.hasDetail = hasDetail
  }
}
