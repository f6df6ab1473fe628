/// The unified job a workflow node spawned, merged from the node's `summary_fields.job` and the
/// child's own record (fetched in bulk), whichever is richer.
public struct ChildJob: Hashable, Sendable {
  /// The job's id.
  public var id: Int
  /// The job's type.
  public var type: JobType
  /// The job's name (the template's name at launch).
  public var name: String
  /// The job's status.
  public var status: JobStatus
  /// When the job started, if it did.
  public var started: Timestamp?
  /// When the job finished, if it did.
  public var finished: Timestamp?
  /// Seconds, as AWX stored or computed them.
  public var elapsed: Double?
  /// AWX's reason for the outcome, or "".
  public var explanation: String
  /// `manual`, `workflow`, … (`launch_type`), when known.
  public var launchType: String?
  /// Approval only: the approval timed out.
  public var timedOut: Bool
  /// Approval only: who approved or denied it.
  public var decidedBy: String?
  /// Approval only: when a pending approval expires.
  public var approvalExpiration: Timestamp?
  /// Whether the full job record was available (false: only the node's summary was).
  public var hasDetail: Bool

  /// Creates a child job.
  public init(
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
