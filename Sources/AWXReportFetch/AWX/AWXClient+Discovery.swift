import AWXReportAPI

extension FetchSession {
  /// The API root: `current_version` from `GET /api/` (AWX's `ApiRootView`, for example
  /// `{"description": "AWX REST API", "current_version": "/api/v2/", …}`), else the first of
  /// `AWXFetcher.fallbackAPIRoots` that answers 200. None of these responses is stored.
  mutating func discoverAPIRoot() throws(FetchError) -> String {
    let rootPath = "/api/"
    do throws(FetchError) {
      let body = try get(rootPath)
      let root = try Self.parseObject(body, url: rootPath)
      if let version = root["current_version"]?.string {
        let path = try link(version, in: rootPath)
        // Only an AWX-style versioned root; a gateway's own root would not list workflow jobs.
        if path.hasPrefix("/"), path.hasSuffix("/v2/") || path.hasSuffix("/v2") {
          return path.hasSuffix("/") ? path : path + "/"
        }
      }
    } catch {
      switch error {
      case .http(let status, _, _) where status != 401 && status != 403 && status < 500: break
      case .invalidJSON, .unexpectedResponse: break
      default: throw error
      }
    }
    for candidate in AWXFetcher.fallbackAPIRoots {
      do throws(FetchError) {
        _ = try get(candidate)
        return candidate
      } catch {
        guard case .http(404, _, _) = error else { throw error }
      }
    }
    throw .apiRootNotFound(tried: [rootPath] + AWXFetcher.fallbackAPIRoots)
  }
}
