import AWXReportJSON
import AWXReportModel
import AWXReportRender
import ArgumentParser
import FoundationEssentials

/// How `awx-report list` prints jobs, each escaped for where it goes: an aligned table for
/// people, JSON, CSV (RFC 4180), TSV (backslash escapes) or bare ids for scripts.
enum JobListFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv, tsv, ids

  /// The columns of the table, CSV and TSV.
  static let columns = [
    "id", "status", "template", "launch_type", "launched_by", "created", "elapsed",
  ]

  /// The whole output for `jobs`.
  /// - Parameter width: the terminal's width, to shorten long texts in the table (nil: never).
  func render(_ jobs: [WorkflowJob], width: Int? = nil) -> String {
    switch self {
    case .table: return Self.table(jobs, width: width)
    case .json: return Self.json(jobs)
    case .csv: return Self.delimited(jobs, cell: Self.csvCell, separator: ",", newline: "\r\n")
    case .tsv: return Self.delimited(jobs, cell: Self.tsvCell, separator: "\t", newline: "\n")
    case .ids: return jobs.map { "\($0.id)\n" }.joined()
    }
  }

  // MARK: Values

  /// A job's values for the columns, as plain text (not yet escaped).
  static func values(_ job: WorkflowJob) -> [String] {
    [
      String(job.id), job.status.rawValue, job.templateName ?? job.name, job.launchType,
      job.launchedBy ?? "", job.created?.iso8601 ?? "",
      job.elapsed.map { NumberFormat.decimal($0, places: 3) } ?? "",
    ]
  }

  // MARK: Table

  static func table(_ jobs: [WorkflowJob], width: Int?) -> String {
    let header = [
      "ID", "STATUS", "TEMPLATE", "LAUNCH TYPE", "LAUNCHED BY", "CREATED (UTC)", "ELAPSED",
    ]
    var rows: [[String]] = [header]
    for job in jobs {
      rows.append([
        String(job.id), terminal(job.status.rawValue), terminal(job.templateName ?? job.name),
        terminal(job.launchType), terminal(job.launchedBy ?? "-"),
        job.created.map { String($0.display.dropLast(4)) } ?? "-",
        job.elapsed.map(ElapsedFormat.clock) ?? "-",
      ])
    }
    // Long names are shortened so a row fits the terminal; ids, times and statuses never are.
    let maxText = max(12, ((width ?? 0) - 60) / 2)
    if width != nil {
      for r in rows.indices.dropFirst() {
        for c in [2, 4] where rows[r][c].count > maxText {
          rows[r][c] = String(rows[r][c].prefix(maxText - 1)) + "…"
        }
      }
    }
    var widths = Array(repeating: 0, count: header.count)
    for row in rows { for (c, v) in row.enumerated() { widths[c] = max(widths[c], v.count) } }
    var out = ""
    for row in rows {
      var line = ""
      for (c, v) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[c] - v.count)
        // Numbers align right, text left; the last column carries no trailing spaces.
        if c == 0 || c == row.count - 1 {
          line += pad + v
        } else {
          line += v + pad
        }
        if c < row.count - 1 { line += "  " }
      }
      out += line + "\n"
    }
    return out
  }

  /// Text safe on a terminal: escape sequences, control characters and bidirectional controls
  /// removed, on one line.
  static func terminal(_ text: String) -> String {
    TextSafety.singleLine(TextSafety.withoutANSI(text))
  }

  // MARK: JSON

  static func json(_ jobs: [WorkflowJob]) -> String {
    JSONWriter.write(.array(jobs.map(jsonObject)), style: .pretty)
  }

  /// One job as a JSON object, keys sorted.
  static func jsonObject(_ job: WorkflowJob) -> JSONValue {
    func time(_ t: Timestamp?) -> JSONValue { t.map { .string($0.iso8601) } ?? .null }
    return .object([
      ("created", time(job.created)),
      (
        "elapsed",
        job.elapsed.flatMap {
          $0.isFinite ? JSONValue.number(NumberFormat.decimal($0, places: 3)) : nil
        }
          ?? .null
      ),
      ("failed", .bool(job.failed)),
      ("finished", time(job.finished)),
      ("id", .number(String(job.id))),
      ("labels", .array(job.labels.map(JSONValue.string))),
      ("launch_type", .string(job.launchType)),
      ("launched_by", job.launchedBy.map(JSONValue.string) ?? .null),
      ("name", .string(job.name)),
      ("started", time(job.started)),
      ("status", .string(job.status.rawValue)),
      ("template_id", job.templateID.map { .number(String($0)) } ?? .null),
      ("template_name", job.templateName.map(JSONValue.string) ?? .null),
    ])
  }

  // MARK: CSV and TSV

  static func delimited(
    _ jobs: [WorkflowJob], cell: (String, Bool) -> String, separator: String, newline: String
  ) -> String {
    var out = columns.map { cell($0, true) }.joined(separator: separator) + newline
    for job in jobs {
      let values = values(job)
      // Columns 0 and 6 (id, elapsed) are numbers; the others are text.
      out +=
        values.enumerated().map { cell($0.element, $0.offset == 0 || $0.offset == 6) }
        .joined(separator: separator) + newline
    }
    return out
  }

  /// An RFC 4180 field: quoted (quotes doubled) when it holds `,` `"` CR or LF. A text that a
  /// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a leading
  /// `'`, as OWASP advises for CSV injection.
  static func csvCell(_ text: String, isNumber: Bool) -> String {
    var t = text
    if !isNumber, let first = t.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      t = "'" + t
    }
    guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
    else { return t }
    return "\"" + t.replacing("\"", with: "\"\"") + "\""
  }

  /// A TSV field: backslash, tab, LF and CR written as `\\`, `\t`, `\n`, `\r`.
  static func tsvCell(_ text: String, isNumber: Bool) -> String {
    var out = ""
    for u in text.unicodeScalars {
      switch u {
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }
}
