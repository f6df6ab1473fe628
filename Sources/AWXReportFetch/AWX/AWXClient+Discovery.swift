extension AWXClient {
  /// The API roots tried, in order, when `/api/` does not name one.
  package static let fallbackAPIRoots = ["/api/v2/", "/api/controller/v2/"]

  /// The API root: `current_version` from `GET /api/` (AWX's `ApiRootView`, for example
  /// `{"description": "AWX REST API", "current_version": "/api/v2/", …}`), else the first of
  /// `fallbackAPIRoots` that answers 200.
  /// - Throws: `FetchError.apiRootNotFound`, or the error that stopped the search.
  package func discoverAPIRoot() throws(FetchError) -> String {
    try scrubbing { () throws(FetchError) in try findAPIRoot() }
  }

  /// `discoverAPIRoot()`, unscrubbed.
  func findAPIRoot() throws(FetchError) -> String {
    let rootPath = "/api/"
    do throws(FetchError) {
      let root = try fetchObject(.get(rootPath))
      if let version = root["current_version"]?.string {
        let path = try link(version, in: rootPath)
        // Only an AWX-style versioned root; a gateway's own root would not list workflow jobs.
        if path.hasPrefix("/"), path.hasSuffix("/v2/") || path.hasSuffix("/v2") {
          return path.hasSuffix("/") ? path : path + "/"
        }
      }
    } catch {
      switch error {
      case .http(_, let status, _, _) where status != 401 && status != 403 && status < 500: break
      case .invalidJSON, .unexpectedResponse: break
      default: throw error
      }
    }
    for candidate in Self.fallbackAPIRoots {
      do throws(FetchError) {
        _ = try exchange(.get(candidate))
        return candidate
      } catch {
        guard case .http(_, 404, _, _) = error else { throw error }
      }
    }
    throw .apiRootNotFound(tried: [rootPath] + Self.fallbackAPIRoots)
  }
}
