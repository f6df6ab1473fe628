/// The validated DAG of a workflow run: adjacency both ways, roots and a topological order.
///
/// Building one checks what AWX itself guarantees but a snapshot might not: unique node ids,
/// edges that end at known nodes, and no cycles.
package struct WorkflowGraph: Hashable, Sendable {
  /// Node ids, ascending.
  package let nodeIDs: [Int]
  /// Every edge, sorted.
  package let edges: [Edge]
  /// Incoming edges per node, sorted.
  package let incoming: [Int: [Edge]]
  /// Outgoing edges per node, sorted.
  package let outgoing: [Int: [Edge]]
  /// Nodes no edge points at; the START node links to them. Ascending.
  package let roots: [Int]
  /// Every node after all of its parents; ties broken by ascending id (deterministic).
  package let topologicalOrder: [Int]

  /// Builds and validates the graph of `nodes`.
  /// - Throws: `ModelError` naming the first duplicate id, dangling edge, or a cycle.
  package init(nodes: [WorkflowNode]) throws(ModelError) {
    var seen = Set<Int>()
    for n in nodes.sorted(by: { $0.id < $1.id }) {
      if !seen.insert(n.id).inserted { throw .duplicateNode(id: n.id) }
    }
    let ids = seen.sorted()
    let edges = Array(Set(nodes.flatMap(\.edges))).sorted()
    var incoming: [Int: [Edge]] = [:]
    var outgoing: [Int: [Edge]] = [:]
    for e in edges {
      guard seen.contains(e.to) else { throw .danglingEdge(e) }
      incoming[e.to, default: []].append(e)
      outgoing[e.from, default: []].append(e)
    }
    self.nodeIDs = ids
    self.edges = edges
    self.incoming = incoming
    self.outgoing = outgoing
    self.roots = ids.filter { incoming[$0] == nil }
    self.topologicalOrder = try WorkflowGraph.order(
      ids: ids, incoming: incoming, outgoing: outgoing)
  }

  /// The distinct parent ids of `id`, ascending.
  package func parents(of id: Int) -> [Int] {
    Array(Set((incoming[id] ?? []).map(\.from))).sorted()
  }

  /// Kahn's algorithm with a min-heap of ready ids, so the order is the same on every run.
  private static func order(ids: [Int], incoming: [Int: [Edge]], outgoing: [Int: [Edge]])
    throws(ModelError) -> [Int]
  {
    var indegree: [Int: Int] = [:]
    for id in ids { indegree[id] = Set((incoming[id] ?? []).map(\.from)).count }
    var ready = MinHeap(ids.filter { indegree[$0] == 0 })
    var order: [Int] = []
    order.reserveCapacity(ids.count)
    while let id = ready.pop() {
      order.append(id)
      for child in Set((outgoing[id] ?? []).map(\.to)) {
        indegree[child, default: 0] -= 1
        if indegree[child] == 0 { ready.push(child) }
      }
    }
    if order.count == ids.count { return order }
    throw .cycle(findCycle(among: Set(ids).subtracting(order), outgoing: outgoing))
  }

  /// Walks from the smallest unordered id along unordered children until an id repeats.
  private static func findCycle(among left: Set<Int>, outgoing: [Int: [Edge]]) -> [Int] {
    guard var current = left.min() else { return [] }
    var path: [Int] = []
    var position: [Int: Int] = [:]
    while position[current] == nil {
      position[current] = path.count
      path.append(current)
      // Every node left over lies on or leads into a cycle, so some child is left over too.
      guard let next = (outgoing[current] ?? []).map(\.to).filter(left.contains).min() else {
        return path
      }
      current = next
    }
    return Array(path[(position[current] ?? 0)...]) + [current]
  }
}

/// A small binary min-heap of ints.
struct MinHeap {
  private var items: [Int]

  init(_ values: [Int]) {
    items = []
    for v in values { push(v) }
  }

  mutating func push(_ v: Int) {
    items.append(v)
    var i = items.count - 1
    while i > 0 {
      let p = (i - 1) / 2
      if items[p] <= items[i] { break }
      items.swapAt(p, i)
      i = p
    }
  }

  mutating func pop() -> Int? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var m = i
        if l < items.count && items[l] < items[m] { m = l }
        if r < items.count && items[r] < items[m] { m = r }
        if m == i { break }
        items.swapAt(i, m)
        i = m
      }
    }
    return top
  }
}
