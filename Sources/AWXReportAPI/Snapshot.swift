import AWXReportJSON
import AWXReportModel

/// Everything fetched for one workflow job, with each API response body kept byte for byte.
///
/// `awx-report render` rebuilds every report from a snapshot with no network, so an auditor's
/// archive can be re-rendered later to the same bytes. The file format is described in
/// `docs/snapshot-format.md`.
package struct Snapshot: Equatable, Sendable {
  /// The format's version; bumped on incompatible changes.
  package static let formatVersion = 1
  /// The format's name, in the `format` key.
  package static let formatName = "awx-report-snapshot"

  /// The tool that wrote it, for example `awx-report 0.1.0`.
  package var tool: String
  /// The AWX base URL: scheme, host and port only (never credentials).
  package var host: String
  /// The API root used, for example `/api/v2/` or `/api/controller/v2/`.
  package var apiRoot: String
  /// When the fetch started.
  package var fetchedAt: Timestamp
  /// The workflow job the snapshot is about.
  package var workflowJobID: Int
  /// Every response, in the order fetched.
  package var responses: [SnapshotResponse]

  /// Creates a snapshot.
  package init(
    tool: String, host: String, apiRoot: String, fetchedAt: Timestamp, workflowJobID: Int,
    responses: [SnapshotResponse]
  ) {
    self.tool = tool
    self.host = host
    self.apiRoot = apiRoot
    self.fetchedAt = fetchedAt
    self.workflowJobID = workflowJobID
    self.responses = responses
  }

  /// The snapshot file's bytes (UTF-8 JSON, keys in a fixed order, ends with a newline).
  package func encoded() -> [UInt8] {
    let items: [JSONValue] = responses.map { r in
      var m: [(key: String, value: JSONValue)] = [
        ("kind", .string(r.kind.rawValue)),
        ("workflow_job", .number(String(r.workflowJobID))),
      ]
      if let unified = r.unifiedJobID { m.append(("unified_job", .number(String(unified)))) }
      m += [
        ("method", .string("GET")),
        ("url", .string(r.url)),
        ("status", .number(String(r.status))),
        ("sha256", .string(SHA256.hex(r.body))),
      ]
      if let text = String(validating: r.body, as: UTF8.self) {
        m.append(("body", .string(text)))
      } else {
        m.append(("body_base64", .string(Base64.encode(r.body))))
      }
      return .object(m)
    }
    let root: JSONValue = .object([
      ("format", .string(Snapshot.formatName)),
      ("format_version", .number(String(Snapshot.formatVersion))),
      ("tool", .string(tool)),
      ("host", .string(host)),
      ("api_root", .string(apiRoot)),
      ("fetched_at", .string(fetchedAt.iso8601)),
      ("workflow_job", .number(String(workflowJobID))),
      ("responses", .array(items)),
    ])
    return Array(JSONWriter.write(root).utf8)
  }

  /// Reads a snapshot file's bytes.
  /// - Parameters:
  ///   - source: how to name the file in errors (its path).
  ///   - verifyDigests: check every body against its `sha256` (else call `verifyDigests`).
  /// - Throws: `APIError` naming the position or the key at fault.
  package static func decode(_ bytes: [UInt8], source: String, verifyDigests: Bool = true)
    throws(APIError) -> Snapshot
  {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw .syntax(source: source, error)
    }
    let r = JSONReader(root, source: source)
    guard case .object = root else {
      throw .shape(
        source: source, path: "", message: "expected a JSON object, got \(root.typeName)")
    }
    let format = try r.string("format")
    guard format == formatName else {
      throw .shape(
        source: source, path: "format",
        message: "not an awx-report snapshot (format is \"\(format)\")")
    }
    let version = try r.int("format_version")
    guard version == formatVersion else {
      throw .shape(
        source: source, path: "format_version",
        message: "unsupported version \(version) (this tool reads version \(formatVersion))")
    }
    let fetchedText = try r.string("fetched_at")
    guard let fetchedAt = Timestamp(iso8601: fetchedText) else {
      throw .shape(
        source: source, path: "fetched_at", message: "not an ISO 8601 time: \(fetchedText)")
    }
    var responses: [SnapshotResponse] = []
    for (k, item) in try r.array("responses").enumerated() {
      let ir = JSONReader(item, source: source, path: "responses[\(k)]")
      let kindText = try ir.string("kind")
      guard let kind = ResponseKind(rawValue: kindText) else {
        throw .shape(
          source: source, path: "responses[\(k)].kind", message: "unknown kind \"\(kindText)\"")
      }
      let body: [UInt8]
      if let text = item["body"]?.string {
        body = Array(text.utf8)
      } else if let b64 = item["body_base64"]?.string, let raw = Base64.decode(b64) {
        body = raw
      } else {
        throw .shape(source: source, path: "responses[\(k)]", message: "missing \"body\"")
      }
      var digest: String?
      if let d = item["sha256"] {
        guard let text = d.string else {
          throw .shape(
            source: source, path: "responses[\(k)].sha256",
            message: "expected a string, got \(d.typeName)")
        }
        digest = text
      }
      responses.append(
        SnapshotResponse(
          kind: kind, workflowJobID: try ir.int("workflow_job"),
          unifiedJobID: try ir.optionalInt("unified_job"), url: try ir.string("url"),
          status: try ir.int("status"), body: body, sha256: digest))
    }
    let snapshot = Snapshot(
      tool: try r.string("tool"), host: try r.string("host"), apiRoot: try r.string("api_root"),
      fetchedAt: fetchedAt, workflowJobID: try r.int("workflow_job"), responses: responses)
    if verifyDigests { try snapshot.verifyDigests(source: source) }
    return snapshot
  }

  /// Checks every body that came with a `sha256` against it.
  /// - Throws: `APIError` naming the first response whose body was altered.
  package func verifyDigests(source: String) throws(APIError) {
    for (k, r) in responses.enumerated() where !r.isIntact {
      throw Self.altered(response: k, source: source)
    }
  }

  /// The error for response `k`, whose body no longer matches its recorded digest.
  package static func altered(response k: Int, source: String) -> APIError {
    .shape(
      source: source, path: "responses[\(k)].sha256",
      message: "the body does not match its SHA-256 (the snapshot was altered)")
  }
}

/// One stored API response.
package struct SnapshotResponse: Equatable, Sendable {
  /// What it is.
  package var kind: ResponseKind
  /// The workflow job it belongs to (a nested workflow's responses carry the child's id).
  package var workflowJobID: Int
  /// The child job a drill-down response is about (`unified_job`; nil for the other kinds).
  package var unifiedJobID: Int?
  /// The host-relative URL requested (path and query), exactly as sent.
  package var url: String
  /// The HTTP status.
  package var status: Int
  /// The body, byte for byte.
  package var body: [UInt8]
  /// The digest the snapshot file recorded for the body, when it was read from a file.
  package var sha256: String?

  /// Whether the body still matches the digest recorded for it (true when none was).
  package var isIntact: Bool { sha256.map { $0 == SHA256.hex(body) } ?? true }

  /// Creates a stored response.
  package init(
    kind: ResponseKind, workflowJobID: Int, unifiedJobID: Int? = nil, url: String, status: Int,
    body: [UInt8], sha256: String? = nil
  ) {
    self.kind = kind
    self.workflowJobID = workflowJobID
    self.unifiedJobID = unifiedJobID
    self.url = url
    self.status = status
    self.body = body
    self.sha256 = sha256
  }

  /// Equal when what was fetched is equal; the recorded digest is derived from the body.
  package static func == (a: SnapshotResponse, b: SnapshotResponse) -> Bool {
    a.kind == b.kind && a.workflowJobID == b.workflowJobID && a.unifiedJobID == b.unifiedJobID
      && a.url == b.url
      && a.status == b.status && a.body == b.body
  }
}
