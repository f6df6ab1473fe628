/// The workflow job itself (`/workflow_jobs/{id}/`), in AWX's terms.
package struct WorkflowJob: Hashable, Sendable {
  /// The workflow job's id.
  package var id: Int
  /// Its name (copied from the workflow job template at launch).
  package var name: String
  /// Its description.
  package var description: String
  /// Its status.
  package var status: JobStatus
  /// AWX's `failed` flag.
  package var failed: Bool
  /// `manual`, `scheduled`, `workflow`, …
  package var launchType: String
  /// Who or what launched it (`launched_by.name`), when known.
  package var launchedBy: String?
  /// `launched_by.type`: `user`, `schedule`, `Dependency`, …
  package var launchedByType: String?
  /// The workflow job template's id, when it still exists.
  package var templateID: Int?
  /// The workflow job template's name, when it still exists.
  package var templateName: String?
  /// When the job was created.
  package var created: Timestamp?
  /// When it started.
  package var started: Timestamp?
  /// When it finished.
  package var finished: Timestamp?
  /// Seconds, as AWX reported them.
  package var elapsed: Double?
  /// AWX's explanation (for example "No error handling paths found, marking workflow as failed").
  package var explanation: String
  /// `extra_vars` as the JSON text AWX sends.
  package var extraVars: String
  /// Label names.
  package var labels: [String]
  /// The inventory's name, when one was set.
  package var inventoryName: String?
  /// The organization's name, when known.
  package var organizationName: String?
  /// `limit`, when set.
  package var limit: String?
  /// `scm_branch`, when set.
  package var scmBranch: String?
  /// The parent workflow job's id, when this one is nested.
  package var sourceWorkflowJobID: Int?
  /// Whether this is a sliced job's workflow.
  package var isSlicedJob: Bool
  /// `webhook_service`, or "".
  package var webhookService: String

  /// Creates a workflow job.
  package init(
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
