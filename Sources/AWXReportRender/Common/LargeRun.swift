/// When a run is too large to read at page width. Above this many nodes (counting nested
/// workflows' nodes) the report leads with the failure-focus graph and groups its long lists
/// into `<details>` sections. 60 came from looking at rendered pages: past it, the whole graph
/// no longer fits a 1,240 px page at a legible scale.
package enum LargeRun {
  /// The node count above which a run counts as large.
  package static let nodeThreshold = 60

  /// Whether a run with `nodeCount` nodes (nested ones included) counts as large.
  package static func isLarge(nodeCount: Int) -> Bool { nodeCount > nodeThreshold }
}
