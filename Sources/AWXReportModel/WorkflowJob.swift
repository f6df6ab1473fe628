/// The workflow job itself (`/workflow_jobs/{id}/`), in AWX's terms.
public struct WorkflowJob: Hashable, Sendable {
  /// The workflow job's id.
  public var id: Int
  /// Its name (copied from the workflow job template at launch).
  public var name: String
  /// Its description.
  public var description: String
  /// Its status.
  public var status: JobStatus
  /// AWX's `failed` flag.
  public var failed: Bool
  /// `manual`, `scheduled`, `workflow`, …
  public var launchType: String
  /// Who or what launched it (`launched_by.name`), when known.
  public var launchedBy: String?
  /// `launched_by.type`: `user`, `schedule`, `Dependency`, …
  public var launchedByType: String?
  /// The workflow job template's id, when it still exists.
  public var templateID: Int?
  /// The workflow job template's name, when it still exists.
  public var templateName: String?
  /// When the job was created.
  public var created: Timestamp?
  /// When it started.
  public var started: Timestamp?
  /// When it finished.
  public var finished: Timestamp?
  /// Seconds, as AWX reported them.
  public var elapsed: Double?
  /// AWX's explanation (for example "No error handling paths found, marking workflow as failed").
  public var explanation: String
  /// `extra_vars` as the JSON text AWX sends.
  public var extraVars: String
  /// Label names.
  public var labels: [String]
  /// The inventory's name, when one was set.
  public var inventoryName: String?
  /// The organization's name, when known.
  public var organizationName: String?
  /// `limit`, when set.
  public var limit: String?
  /// `scm_branch`, when set.
  public var scmBranch: String?
  /// The parent workflow job's id, when this one is nested.
  public var sourceWorkflowJobID: Int?
  /// Whether this is a sliced job's workflow.
  public var isSlicedJob: Bool
  /// `webhook_service`, or "".
  public var webhookService: String

  /// Creates a workflow job.
  public init(
    id: Int, name: String, description: String = "", status: JobStatus, failed: Bool = false,
    launchType: String = "manual", launchedBy: String? = nil, launchedByType: String? = nil,
    templateID: Int? = nil, templateName: String? = nil, created: Timestamp? = nil,
    started: Timestamp? = nil, finished: Timestamp? = nil, elapsed: Double? = nil,
    explanation: String = "", extraVars: String = "{}", labels: [String] = [],
    inventoryName: String? = nil, organizationName: String? = nil, limit: String? = nil,
    scmBranch: String? = nil, sourceWorkflowJobID: Int? = nil, isSlicedJob: Bool = false,
    webhookService: String = ""
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.status = status
    self.failed = failed
    self.launchType = launchType
    self.launchedBy = launchedBy
    self.launchedByType = launchedByType
    self.templateID = templateID
    self.templateName = templateName
    self.created = created
    self.started = started
    self.finished = finished
    self.elapsed = elapsed
    self.explanation = explanation
    self.extraVars = extraVars
    self.labels = labels
    self.inventoryName = inventoryName
    self.organizationName = organizationName
    self.limit = limit
    self.scmBranch = scmBranch
    self.sourceWorkflowJobID = sourceWorkflowJobID
    self.isSlicedJob = isSlicedJob
    self.webhookService = webhookService
  }
}
