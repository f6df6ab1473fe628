import AWXReportJSON
import AWXReportModel

/// One item of `GET /workflow_jobs/` (`WorkflowJobListSerializer`): the detail's shape without
/// `job_args`, `job_cwd`, `job_env` and `result_traceback` (awx-api.md §1.1, "List form").
package enum WorkflowJobListItem {
  /// Decodes one `results` item.
  /// - Parameters:
  ///   - item: the parsed item.
  ///   - source: the page's URL, for error messages.
  ///   - index: the item's position in `results`.
  /// - Throws: `APIError.shape` naming the page and the JSON path.
  package static func decode(_ item: JSONValue, source: String, index: Int) throws(APIError)
    -> WorkflowJob
  {
    guard case .object = item else {
      throw .shape(
        source: source, path: "results[\(index)]",
        message: "expected an object, got \(item.typeName)")
    }
    return try RecordDecoder.workflowJob(
      JSONReader(item, source: source, path: "results[\(index)]"))
  }
}
