import AWXReportAPI
import AWXReportJSON
import AWXReportModel

/// Lists workflow jobs: `GET {root}workflow_jobs/` with a ``WorkflowJobFilter``'s query
/// parameters and `page_size=200`, following the pages.
///
/// Two ways through the pages:
/// - ``list(_:limit:)`` follows AWX's `next` links (any order), up to `limit` jobs;
/// - ``listByID(_:limit:)`` sorts by id and pages by key (`id__gt=<last id>`), as
///   awx-ops-and-ci.md §3h advises for archives: jobs created or deleted meanwhile never shift
///   a page, so none is skipped or listed twice.
///
/// Both stop with an error when a page repeats or after `settings.maxPages` pages.
package struct WorkflowJobLister {
  /// The most items AWX returns per page.
  package static let pageSize = 200

  /// The client every request goes through.
  package let client: AWXClient
  /// The API root, for example `/api/v2/`.
  package let root: String

  /// Creates a lister.
  package init(client: AWXClient, root: String) {
    self.client = client
    self.root = root
  }

  /// The list endpoint's path.
  package var path: String { "\(root)workflow_jobs/" }

  /// The jobs `filter` selects, in its order, at most `limit` (nil: all).
  /// A job listed twice (a page shifted by a new job) is kept once.
  package func list(_ filter: WorkflowJobFilter, limit: Int? = nil) throws(FetchError)
    -> [WorkflowJob]
  {
    try client.scrubbing { () throws(FetchError) in
      var jobs: [WorkflowJob] = []
      var ids: Set<Int> = []
      var seen: Set<String> = []
      var request = HTTPRequest.get(path, query: filter.query(pageSize: Self.pageSize))
      while true {
        if let limit, jobs.count >= limit { break }
        let url = request.target
        seen.insert(url)
        let page = try client.object(request)
        for job in try Self.items(page, url: url) where ids.insert(job.id).inserted {
          jobs.append(job)
        }
        guard let nextValue = page["next"], !nextValue.isNull else { break }
        guard let nextLink = nextValue.string else {
          throw .unexpectedResponse(url: url, message: "\"next\" is not a string or null")
        }
        let next = try client.link(nextLink, in: url)
        if seen.contains(next) { throw .paginationLoop(url: url, next: next) }
        if seen.count >= client.settings.maxPages {
          throw .tooManyPages(url: path, limit: client.settings.maxPages)
        }
        request = .get(next)
      }
      if let limit, jobs.count > limit { jobs.removeLast(jobs.count - limit) }
      return jobs
    }
  }

  /// The jobs `filter` selects, by increasing id, at most `limit`, paged by `id__gt`.
  package func listByID(_ filter: WorkflowJobFilter, limit: Int? = nil) throws(FetchError)
    -> [WorkflowJob]
  {
    try client.scrubbing { () throws(FetchError) in
      var byID = filter
      byID.order = "id"
      var jobs: [WorkflowJob] = []
      var after: Int?
      var pages = 0
      while true {
        if let limit, jobs.count >= limit { break }
        let request = HTTPRequest.get(
          path, query: byID.query(pageSize: Self.pageSize, afterID: after))
        let page = try client.object(request)
        pages += 1
        let items = try Self.items(page, url: request.target)
        for job in items where after.map({ job.id > $0 }) ?? true {
          jobs.append(job)
          after = job.id
        }
        guard let last = items.last?.id, after == last, page["next"].map({ !$0.isNull }) == true
        else { break }
        if pages >= client.settings.maxPages {
          throw .tooManyPages(url: path, limit: client.settings.maxPages)
        }
      }
      if let limit, jobs.count > limit { jobs.removeLast(jobs.count - limit) }
      return jobs
    }
  }

  /// A page's `results`, decoded.
  static func items(_ page: JSONValue, url: String) throws(FetchError) -> [WorkflowJob] {
    guard let items = page["results"]?.array else {
      throw .unexpectedResponse(url: url, message: "expected a paginated list with \"results\"")
    }
    var jobs: [WorkflowJob] = []
    jobs.reserveCapacity(items.count)
    for (k, item) in items.enumerated() {
      do {
        jobs.append(try WorkflowJobListItem.decode(item, source: url, index: k))
      } catch {
        throw .unexpectedResponse(url: url, message: error.description)
      }
    }
    return jobs
  }
}
