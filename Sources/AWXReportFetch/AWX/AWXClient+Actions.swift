import AWXReportJSON
import AWXReportModel

/// The actions on a workflow job (awx-ops-and-ci.md §3c–3e): cancel, relaunch, launch, and the
/// look-ups they need. Each POST goes through `post(_:query:json:check:)`, so it is sent at most
/// once, and an unknown outcome names the GET that tells what happened.
extension AWXClient {
  /// What a cancel request came to.
  package enum CancelResult: Equatable, Sendable {
    /// AWX accepted it (202). A `new` or `pending` job is canceled at once; a running one stays
    /// `running` until its children are canceled.
    case requested
    /// AWX refused it (405) because the job is no longer active; `status` is its status.
    case notCancelable(status: JobStatus)
  }

  /// A named object found by a look-up (a template, an inventory, a label).
  package struct Named: Equatable, Sendable {
    package var id: Int
    package var name: String
  }

  /// The API root: the configured one, else the discovered one.
  package func resolvedAPIRoot() throws(FetchError) -> String {
    if let root = settings.apiRoot { return root }
    return try discoverAPIRoot()
  }

  /// The status of workflow job `id`.
  package func workflowJobStatus(_ id: Int, root: String) throws(FetchError) -> JobStatus {
    let path = "\(root)workflow_jobs/\(id)/"
    let json = try object(.get(path))
    guard let status = json["status"]?.string else {
      throw .unexpectedResponse(url: path, message: "no \"status\" string")
    }
    return JobStatus(status)
  }

  /// POSTs `workflow_jobs/{id}/cancel/`; on AWX's 405 reads the job's status to say why.
  package func cancelWorkflowJob(_ id: Int, root: String) throws(FetchError) -> CancelResult {
    let path = "\(root)workflow_jobs/\(id)/cancel/"
    do {
      _ = try post(path, check: "GET \(root)workflow_jobs/\(id)/")
      return .requested
    } catch {
      guard case .http(_, 405, _, _) = error else { throw error }
      return .notCancelable(status: try workflowJobStatus(id, root: root))
    }
  }

  /// POSTs `workflow_jobs/{id}/relaunch/` (no fields); returns the new workflow job's id.
  package func relaunchWorkflowJob(_ id: Int, root: String) throws(FetchError) -> Int {
    let path = "\(root)workflow_jobs/\(id)/relaunch/"
    let response = try post(
      path,
      check: "GET \(root)workflow_jobs/?launch_type=relaunch&order_by=-created for a new job")
    return try Self.newJobID(response, url: path)
  }

  /// POSTs `workflow_job_templates/{id}/launch/` with `fields` (extra_vars, limit, inventory,
  /// scm_branch, labels); returns the new workflow job's id.
  package func launchWorkflowTemplate(_ templateID: Int, fields: JSONValue, root: String)
    throws(FetchError) -> Int
  {
    let path = "\(root)workflow_job_templates/\(templateID)/launch/"
    let response = try post(
      path, json: fields,
      check: "GET \(root)workflow_jobs/?workflow_job_template=\(templateID)&order_by=-created "
        + "for a new job")
    return try Self.newJobID(response, url: path)
  }

  /// The objects of the list `collection` (for example `workflow_job_templates/`) whose name is
  /// exactly `name`, in id order.
  package func named(_ name: String, in collection: String, root: String) throws(FetchError)
    -> [Named]
  {
    let items = try pages(
      .get(root + collection, query: ["name": name, "order_by": "id", "page_size": "200"]))
    return items.compactMap { item in
      guard let id = item["id"]?.int, let found = item["name"]?.string, found == name else {
        return nil
      }
      return Named(id: id, name: found)
    }
  }

  /// The new job's id in a launch (`workflow_job`) or relaunch (`id`) answer.
  static func newJobID(_ response: PostResponse, url: String) throws(FetchError) -> Int {
    if let id = response.json?["workflow_job"]?.int ?? response.json?["id"]?.int { return id }
    throw .unexpectedResponse(
      method: .post, url: url,
      message: "HTTP \(response.status): AWX accepted the request, but the answer names no new "
        + "job id")
  }
}
