/// One node of a workflow job (`/workflow_jobs/{id}/workflow_nodes/` item), in AWX's terms.
package struct WorkflowNode: Hashable, Sendable {
  /// The node's id (`workflow_job_node` id).
  package var id: Int
  /// The node's identifier: a name given in the workflow editor, a UUID by default, or "".
  package var identifier: String
  /// The template's id, or nil when the template was deleted.
  package var templateID: Int?
  /// The template's name, when the template still exists.
  package var templateName: String?
  /// The type of job the template spawns (or the job's type when the template is gone).
  package var jobType: JobType
  /// The spawned job's id (`job`), or nil when none was spawned or it was deleted.
  package var jobID: Int?
  /// The spawned job, when known.
  package var job: ChildJob?
  /// Ids of the nodes that run when this node's job succeeds.
  package var successNodes: [Int]
  /// Ids of the nodes that run when this node's job fails.
  package var failureNodes: [Int]
  /// Ids of the nodes that run whatever the outcome.
  package var alwaysNodes: [Int]
  /// "ALL" convergence: every parent must have taken the edge into this node.
  package var allParentsMustConverge: Bool
  /// AWX decided this node will never run.
  package var doNotRun: Bool
  /// The node's prompted `extra_data` as JSON text (redaction happens when rendering).
  package var extraData: String

  /// Creates a node.
  package init(
    id: Int, identifier: String = "", templateID: Int? = nil, templateName: String? = nil,
    jobType: JobType = .job, jobID: Int? = nil, job: ChildJob? = nil, successNodes: [Int] = [],
    failureNodes: [Int] = [], alwaysNodes: [Int] = [], allParentsMustConverge: Bool = false,
    doNotRun: Bool = false, extraData: String = "{}"
  ) {
    self.id = id
    self.identifier = identifier
    self.templateID = templateID
    self.templateName = templateName
    self.jobType = jobType
    self.jobID = jobID
    self.job = job
    self.successNodes = successNodes
    self.failureNodes = failureNodes
    self.alwaysNodes = alwaysNodes
    self.allParentsMustConverge = allParentsMustConverge
    self.doNotRun = doNotRun
    self.extraData = extraData
  }

  /// The name people see, as both AWX UIs choose it: the identifier unless it is a UUID,
  /// else the template's name, else the job's name, else "DELETED".
  package var displayName: String {
    if !identifier.isEmpty && !WorkflowNode.looksLikeUUID(identifier) { return identifier }
    if let t = templateName, !t.isEmpty { return t }
    if let j = job?.name, !j.isEmpty { return j }
    return "DELETED"
  }

  /// Every outgoing edge, success then failure then always, each list in AWX's order.
  package var edges: [Edge] {
    successNodes.map { Edge(from: id, to: $0, kind: .success) }
      + failureNodes.map { Edge(from: id, to: $0, kind: .failure) }
      + alwaysNodes.map { Edge(from: id, to: $0, kind: .always) }
  }

  /// Whether `text` has the 8-4-4-4-12 hex shape of a UUID.
  package static func looksLikeUUID(_ text: String) -> Bool {
    // No copy: names are checked once per drawing, thousands of times for a large run.
    guard text.utf8.count == 36 else { return false }
    for (i, c) in text.utf8.enumerated() {
      if i == 8 || i == 13 || i == 18 || i == 23 {
        if c != 45 { return false }
      } else if !((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)) {
        return false
      }
    }
    return true
  }
}
