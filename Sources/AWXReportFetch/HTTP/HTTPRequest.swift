import AWXReportJSON

/// The HTTP methods the client sends.
package enum HTTPMethod: String, Hashable, Sendable, CustomStringConvertible {
  /// Reads; safe to send again (idempotent), so it is retried.
  case get = "GET"
  /// Acts (cancel, relaunch, launch); sent at most once unless nothing reached the server.
  case post = "POST"

  /// `GET` or `POST`, as on the wire.
  package var description: String { rawValue }
}

/// One request, as a value: what the client sends, and what its log line and errors name.
///
/// `path` is host-relative: the transport adds the server (scheme, host and port) it was made
/// for. A link the API returned (a `next` page, a `related` URL) is used as `path` unchanged,
/// query included; a request the client builds itself puts its query in `query`, so every value
/// is percent-encoded by `URLQuery`.
///
/// Printing a request shows only `METHOD target`: `headers` may carry credentials.
package struct HTTPRequest: Equatable, Sendable, CustomStringConvertible, CustomReflectable {
  /// The method.
  package var method: HTTPMethod
  /// The host-relative path, for example `/api/v2/workflow_jobs/7/`.
  package var path: String
  /// Query parameters appended to `path`.
  package var query: URLQuery
  /// Extra header fields, each `Name: value`. Never logged or stored.
  package var headers: [String]
  /// The body, sent as `application/json` with a POST; nil for none (a POST then sends an
  /// empty body). Ignored for a GET.
  package var body: [UInt8]?

  /// Creates a request.
  package init(
    method: HTTPMethod, path: String, query: URLQuery = URLQuery(), headers: [String] = [],
    body: [UInt8]? = nil
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
  }

  /// `GET path?query`.
  package static func get(_ path: String, query: URLQuery = URLQuery()) -> HTTPRequest {
    HTTPRequest(method: .get, path: path, query: query)
  }

  /// `POST path?query` with `json` as a compact JSON body, or an empty body for nil.
  package static func post(_ path: String, query: URLQuery = URLQuery(), json: JSONValue? = nil)
    -> HTTPRequest
  {
    HTTPRequest(
      method: .post, path: path, query: query,
      body: json.map { Array(JSONWriter.write($0, style: .compact).utf8) })
  }

  /// The path and query as sent, host-relative: what logs, errors and snapshots show.
  package var target: String { query.appended(to: path) }

  /// `METHOD target`, without headers or body.
  package var description: String { "\(method) \(target)" }

  /// A mirror without the headers (they may carry credentials) or the body.
  package var customMirror: Mirror {
    Mirror(self, children: ["method": method, "target": target])
  }
}
