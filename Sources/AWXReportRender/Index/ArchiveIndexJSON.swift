import AWXReportJSON
import AWXReportModel

/// Writes `index.json` in the shape `docs/index.schema.json` describes: keys sorted, numbers by
/// ``NumberFormat``, so the same archive always gives the same bytes.
package enum ArchiveIndexJSON {
  package static func render(_ index: ArchiveIndex) -> String {
    let runs = index.entries.map { e -> JSONValue in
      object([
        ("directory", .string(e.directory)),
        ("elapsed", number(e.elapsed, places: 3)),
        ("finished", time(e.finished)),
        ("id", int(e.id)),
        ("launch_type", .string(e.launchType)),
        ("launched_by", e.launchedBy.map(JSONValue.string) ?? .null),
        ("name", .string(e.name)),
        ("report", e.hasReport ? .string("\(e.directory)/report.html") : .null),
        ("sha256sums_sha256", .string(e.manifestSHA256)),
        ("started", time(e.started)),
        ("status", .string(e.status)),
        ("template_id", e.templateID.map(int) ?? .null),
        ("template_name", e.templateName.map(JSONValue.string) ?? .null),
        ("unhandled_failures", int(e.unhandledFailures)),
      ])
    }
    let templates = index.templates.map { t -> JSONValue in
      var members = figures(t.figures)
      members.append(("template_id", t.templateID.map(int) ?? .null))
      members.append(("name", .string(t.name)))
      members.append(("run_ids", .array(t.entries.map { int($0.id) })))
      return object(members)
    }
    let failures = index.failures.map { f -> JSONValue in
      object([("id", int(f.id)), ("reason", .string(f.reason))])
    }
    let root = object([
      ("failures", .array(failures)),
      ("generated_at", time(index.generatedAt)),
      ("runs", .array(runs)),
      ("schema", .string(ArchiveIndex.schemaID)),
      ("templates", .array(templates)),
      ("tool", .string(index.tool)),
      ("totals", object(figures(index.totals))),
    ])
    return JSONWriter.write(root, style: .pretty)
  }

  static func figures(_ f: RunFigures) -> [(key: String, value: JSONValue)] {
    [
      ("median_elapsed", number(f.medianElapsed, places: 3)),
      ("p95_elapsed", number(f.p95Elapsed, places: 3)),
      ("runs", int(f.runs)),
      ("statuses", object(f.statuses.map { ($0.key, int($0.value)) })),
      ("success_rate", number(f.successRate, places: 4)),
      ("successful", int(f.successful)),
    ]
  }

  static func object(_ members: [(key: String, value: JSONValue)]) -> JSONValue {
    .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
  }

  static func int(_ v: Int) -> JSONValue { .number(String(v)) }

  static func number(_ v: Double?, places: Int) -> JSONValue {
    guard let v, v.isFinite else { return .null }
    return .number(NumberFormat.decimal(v, places: places))
  }

  static func time(_ t: Timestamp?) -> JSONValue { t.map { .string($0.iso8601) } ?? .null }
}
