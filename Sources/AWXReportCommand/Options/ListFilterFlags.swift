import AWXReportFetch
import AWXReportModel
import ArgumentParser
import FoundationEssentials

/// The filters of `list` and `archive`. Each becomes an AWX query parameter
/// (``WorkflowJobFilter``), so AWX does the filtering.
struct ListFilterFlags: ParsableArguments {
  @Option(
    name: .customLong("status"),
    help: ArgumentHelp(
      "Only jobs with this status (repeatable: any of them).",
      discussion: "One of: \(WorkflowJobFilter.statuses.joined(separator: ", ")).",
      valueName: "status"))
  var statuses: [String] = []

  @Option(help: ArgumentHelp("Only runs of this workflow job template.", valueName: "id|name"))
  var template: String?

  @Option(
    help: ArgumentHelp(
      "Only jobs created at or after: a date (2024-10-01, UTC), an RFC 3339 time, or a time ago (7d, 12h, 30m, 2w).",
      valueName: "date"))
  var since: String?

  @Option(
    help: ArgumentHelp(
      "Only jobs created before: a date, an RFC 3339 time, or a time ago.", valueName: "date"))
  var until: String?

  @Option(
    name: .customLong("launch-type"),
    help: ArgumentHelp(
      "Only jobs launched this way (repeatable: any of them).",
      discussion: "One of: \(WorkflowJobFilter.launchTypes.joined(separator: ", ")).",
      valueName: "type"))
  var launchTypes: [String] = []

  @Option(help: ArgumentHelp("Only jobs carrying this label.", valueName: "name"))
  var label: String?

  @Option(help: ArgumentHelp("Only jobs whose name contains TEXT (any case).", valueName: "text"))
  var name: String?

  @Option(help: ArgumentHelp("At most N jobs.", valueName: "n"))
  var limit: Int?

  @Option(
    help: ArgumentHelp(
      "Sort by an AWX field, '-' for descending; comma lists allowed (default: -created, newest first).",
      valueName: "field"))
  var order: String?

  func validate() throws {
    for s in statuses where !WorkflowJobFilter.statuses.contains(s) {
      throw ValidationError(
        "unknown status '\(s)': expected one of \(WorkflowJobFilter.statuses.joined(separator: ", "))"
      )
    }
    for t in launchTypes where !WorkflowJobFilter.launchTypes.contains(t) {
      throw ValidationError(
        "unknown launch type '\(t)': expected one of \(WorkflowJobFilter.launchTypes.joined(separator: ", "))"
      )
    }
    if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    if let template, template.trimmingBlanks().isEmpty {
      throw ValidationError("--template must not be empty")
    }
    if let order, !Self.isOrder(order) {
      throw ValidationError(
        "--order '\(order)': expected field names (letters, digits, _), each optionally after '-', comma-separated"
      )
    }
    _ = try filter(now: Timestamp(seconds: 0))
  }

  /// The filter, with relative times counted back from `now`.
  func filter(now: Timestamp) throws(ValidationError) -> WorkflowJobFilter {
    var f = WorkflowJobFilter()
    f.statuses = statuses
    if let template {
      let trimmed = template.trimmingBlanks()
      if let id = Int(trimmed), id > 0 {
        f.template = .id(id)
      } else {
        f.template = .name(template)
      }
    }
    if let since { f.createdSince = try Self.time(since, flag: "--since", now: now) }
    if let until { f.createdBefore = try Self.time(until, flag: "--until", now: now) }
    f.launchTypes = launchTypes
    f.label = label
    f.nameContains = name
    if let order { f.order = order }
    return f
  }

  /// `2024-10-01` (midnight UTC), `2024-10-01T12:00:00Z` or with an offset, or `7d` / `12h` /
  /// `30m` / `2w` / `45s` before `now`.
  static func time(_ text: String, flag: String, now: Timestamp) throws(ValidationError)
    -> Timestamp
  {
    let t = text.trimmingBlanks()
    if let unit = t.last, let n = Int64(t.dropLast()), n >= 0 {
      let seconds: Int64?
      switch unit {
      case "s": seconds = 1
      case "m": seconds = 60
      case "h": seconds = 3600
      case "d": seconds = 86_400
      case "w": seconds = 604_800
      default: seconds = nil
      }
      if let seconds, n <= 100 * 366 * 86_400 / seconds {
        return Timestamp(microseconds: now.microseconds - n * seconds * 1_000_000)
      }
    }
    if t.utf8.count == 10, let day = Timestamp(iso8601: t + "T00:00:00Z") { return day }
    if let time = Timestamp(iso8601: t) { return time }
    throw ValidationError(
      "\(flag) '\(text)': expected a date (2024-10-01), an RFC 3339 time (2024-10-01T12:00:00Z) or a time ago (7d, 12h, 30m, 2w)"
    )
  }

  static func isOrder(_ text: String) -> Bool {
    let fields = text.split(separator: ",", omittingEmptySubsequences: false)
    return !fields.isEmpty
      && fields.allSatisfy { field in
        let name = field.hasPrefix("-") ? field.dropFirst() : field[...]
        return !name.isEmpty
          && name.utf8.allSatisfy { c in
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
              || c == 0x5F
          }
      }
  }
}
