import AWXReportAPI
import AWXReportModel

/// A snapshot of workflow job `id` made of the given (kind, body) responses.
func snapshot(_ id: Int, _ responses: [(ResponseKind, [UInt8])], workflow: Int? = nil) -> Snapshot {
  Snapshot(
    tool: "awx-report test", host: "https://awx.test", apiRoot: "/api/v2/",
    fetchedAt: Timestamp(seconds: 1_700_000_000), workflowJobID: id,
    responses: responses.enumerated().map { k, r in
      SnapshotResponse(
        kind: r.0, workflowJobID: workflow ?? id, url: "/api/v2/test/\(k)/", status: 200, body: r.1)
    })
}
