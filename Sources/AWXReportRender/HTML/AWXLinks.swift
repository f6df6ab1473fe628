import AWXReportModel

/// Links into the AWX UI, built only from an `http(s)` host so that a hostile snapshot cannot
/// smuggle a `javascript:` or `data:` URL into the report.
struct AWXLinks {
  /// The host without a trailing slash, or nil when links are off.
  let base: String?

  init(host: String) {
    var h = host
    while h.hasSuffix("/") { h.removeLast() }
    let lower = h.lowercased()
    let schemeOK = lower.hasPrefix("https://") || lower.hasPrefix("http://")
    let clean = !h.unicodeScalars.contains {
      $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\`".unicodeScalars.contains($0)
    }
    base = schemeOK && clean && h.count > 8 ? h : nil
  }

  /// `{host}/#/jobs/workflow/{id}/output`.
  func workflow(_ id: Int) -> String? {
    base.map { "\($0)/#/jobs/workflow/\(id)/output" }
  }

  /// The child job's output page, or the approval's details page.
  func job(type: JobType, id: Int) -> String? {
    guard let base else { return nil }
    if type == .workflowApproval { return "\(base)/#/workflow_approvals/\(id)/details" }
    guard let segment = Self.uiSegment(type) else { return nil }
    return "\(base)/#/jobs/\(segment)/\(id)/output"
  }

  /// The path segment of a job's page in the AWX UI (`/#/jobs/<segment>/<id>/output`).
  static func uiSegment(_ type: JobType) -> String? {
    switch type {
    case .job: return "playbook"
    case .projectUpdate: return "project"
    case .inventoryUpdate: return "inventory"
    case .systemJob: return "management"
    case .workflowJob: return "workflow"
    case .workflowApproval, .unknown: return nil
    }
  }
}
