/// Sends one HTTP request to one server and returns the answer as it came, whatever its status.
///
/// `CurlTransport` is the production conformer. A transport does not follow redirects, retry,
/// or interpret statuses: `AWXClient` does that, so it behaves the same over any transport.
package protocol HTTPTransport {
  /// Sends `request` (its `path` is relative to the server the transport was made for) and
  /// returns the response.
  ///
  /// The transport adds `Accept: application/json`, and for a POST
  /// `Content-Type: application/json` with the body (empty when `request.body` is nil). The
  /// request's own headers may carry credentials, so a transport never logs or stores them.
  /// A POST is put on the wire at most once: no transparent re-send on another connection.
  /// - Throws: `FetchError` for transport failures only (connection, timeout, truncated body,
  ///   size cap, TLS), each naming `request.method` and the URL; never for an HTTP status.
  ///   `.couldNotConnect` means that no byte of the request left this machine.
  func send(_ request: HTTPRequest) throws(FetchError) -> HTTPResponse
}

/// An HTTP response: status, headers and the body byte for byte.
package struct HTTPResponse: Equatable, Sendable {
  /// The status code, for example 200.
  package var status: Int
  /// Header fields in arrival order, names lower-cased, values trimmed.
  package var headers: [(name: String, value: String)]
  /// The body, byte for byte.
  package var body: [UInt8]

  /// Creates a response.
  package init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8]) {
    self.status = status
    self.headers = headers.map { (name: $0.name.lowercased(), value: $0.value) }
    self.body = body
  }

  /// The last value of header `name` (case-insensitive), or nil.
  package func header(_ name: String) -> String? {
    let key = name.lowercased()
    return headers.last(where: { $0.name == key })?.value
  }

  /// Compares status, headers and body.
  package static func == (a: HTTPResponse, b: HTTPResponse) -> Bool {
    a.status == b.status && a.body == b.body && a.headers.count == b.headers.count
      && zip(a.headers, b.headers).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }
}
