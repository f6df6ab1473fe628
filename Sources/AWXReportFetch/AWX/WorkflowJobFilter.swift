import AWXReportModel

/// Which workflow jobs to list, as AWX's list filters (awx-ops-and-ci.md §3h, awx-api.md §6).
/// Every filter is applied by AWX, server-side: ``query(pageSize:)`` turns this value into the
/// query parameters of `GET /workflow_jobs/`.
///
/// | field | parameter |
/// |---|---|
/// | one status / several | `status=S` / `status__in=A,B` |
/// | template id / name | `workflow_job_template=ID` / `workflow_job_template__name=NAME` |
/// | created since / until | `created__gte=T` / `created__lt=T` (UTC, `Z`) |
/// | one launch type / several | `launch_type=T` / `launch_type__in=A,B` |
/// | label | `labels__name=NAME` |
/// | name contains | `name__icontains=TEXT` |
/// | order | `order_by=FIELD` (default `-created`: newest first) |
/// | after id (keyset paging) | `id__gt=N` |
package struct WorkflowJobFilter: Equatable, Sendable {
  /// AWX's job statuses (`UnifiedJobTemplate.JOB_STATUS_CHOICES`).
  package static let statuses = [
    "new", "pending", "waiting", "running", "successful", "failed", "error", "canceled",
  ]
  /// The statuses of a finished job.
  package static let finishedStatuses = ["successful", "failed", "error", "canceled"]
  /// AWX's launch types (`UnifiedJob.LAUNCH_TYPE_CHOICES`).
  package static let launchTypes = [
    "manual", "relaunch", "callback", "scheduled", "dependency", "workflow", "webhook", "sync",
    "scm",
  ]
  /// The default order: newest first.
  package static let defaultOrder = "-created"

  /// A workflow job template, by id or by name.
  package enum Template: Equatable, Sendable {
    case id(Int)
    case name(String)
  }

  /// Statuses (any of them); empty for all.
  package var statuses: [String] = []
  /// The workflow job template.
  package var template: Template?
  /// Created at or after.
  package var createdSince: Timestamp?
  /// Created before.
  package var createdBefore: Timestamp?
  /// Launch types (any of them); empty for all.
  package var launchTypes: [String] = []
  /// A label the job carries.
  package var label: String?
  /// Text the job's name contains (case-insensitive).
  package var nameContains: String?
  /// `order_by`; comma lists and `-` (descending) as AWX takes them.
  package var order: String = WorkflowJobFilter.defaultOrder

  package init(
    statuses: [String] = [], template: Template? = nil, createdSince: Timestamp? = nil,
    createdBefore: Timestamp? = nil, launchTypes: [String] = [], label: String? = nil,
    nameContains: String? = nil, order: String = WorkflowJobFilter.defaultOrder
  ) {
    self.statuses = statuses
    self.template = template
    self.createdSince = createdSince
    self.createdBefore = createdBefore
    self.launchTypes = launchTypes
    self.label = label
    self.nameContains = nameContains
    self.order = order
  }

  /// The query parameters, in a fixed order, ending with `order_by` and `page_size`.
  /// - Parameter afterID: for keyset paging (`id__gt`), the last id already seen.
  package func query(pageSize: Int = 200, afterID: Int? = nil) -> URLQuery {
    var q = URLQuery()
    Self.addList(&q, "status", Self.unique(statuses))
    switch template {
    case .id(let id): q.append("workflow_job_template", String(id))
    case .name(let name): q.append("workflow_job_template__name", name)
    case nil: break
    }
    if let createdSince { q.append("created__gte", createdSince.iso8601) }
    if let createdBefore { q.append("created__lt", createdBefore.iso8601) }
    Self.addList(&q, "launch_type", Self.unique(launchTypes))
    if let label { q.append("labels__name", label) }
    if let nameContains { q.append("name__icontains", nameContains) }
    if let afterID { q.append("id__gt", String(afterID)) }
    q.append("order_by", order)
    q.append("page_size", String(pageSize))
    return q
  }

  /// `name=value` for one value, `name__in=a,b` for several, nothing for none.
  private static func addList(_ q: inout URLQuery, _ name: String, _ values: [String]) {
    if values.count == 1 {
      q.append(name, values[0])
    } else if values.count > 1 {
      q.append(name + "__in", values.joined(separator: ","))
    }
  }

  private static func unique(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
  }
}
