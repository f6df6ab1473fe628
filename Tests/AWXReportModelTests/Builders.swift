import AWXReportModel

/// Small builders so each test states only what matters to it.
func job(
  _ id: Int, _ status: JobStatus, type: JobType = .job, timedOut: Bool = false,
  start: Int64? = nil, end: Int64? = nil
) -> ChildJob {
  ChildJob(
    id: id, type: type, name: "job \(id)", status: status,
    started: start.map { Timestamp(seconds: $0) }, finished: end.map { Timestamp(seconds: $0) },
    timedOut: timedOut, hasDetail: true)
}

func node(
  _ id: Int, _ job: ChildJob? = nil, template: Int? = 1, type: JobType = .job,
  success: [Int] = [], failure: [Int] = [], always: [Int] = [], all: Bool = false,
  dnr: Bool = false, identifier: String? = nil
) -> WorkflowNode {
  WorkflowNode(
    id: id, identifier: identifier ?? "node-\(id)", templateID: template,
    templateName: template == nil ? nil : "Template \(id)", jobType: type, jobID: job?.id, job: job,
    successNodes: success, failureNodes: failure, alwaysNodes: always,
    allParentsMustConverge: all, doNotRun: dnr)
}

func run(_ status: JobStatus, _ nodes: [WorkflowNode], explanation: String = "") -> WorkflowRun {
  WorkflowRun(
    job: WorkflowJob(id: 1, name: "wf", status: status, explanation: explanation), nodes: nodes)
}
