import AWXReportModel

extension DisplayGraph {
  /// The union graph of a diff: every node of either run once, coloured by its change; B's
  /// edges drawn as taken, edges only in A dashed (not taken); nested workflows as clusters,
  /// diffed the same way. A node's tooltip says what changed.
  package init(diff: RunDiff) {
    self.init(nodes: [], edges: [], clusters: [])
    addDiff(diff, cluster: nil, path: "")
  }

  /// Appends one diff's START, nodes and edges, then its nested diffs as clusters.
  /// `path` keeps node ids unique across nested levels.
  private mutating func addDiff(_ d: RunDiff, cluster: Int?, path: String) {
    let startIndex = nodes.count
    nodes.append(
      Node(
        id: cluster == nil ? "start" : "start-\(path)", name: "START", type: nil, state: nil,
        elapsed: nil, convergesAll: false, critical: false, unhandledFailure: false,
        cluster: cluster, jobID: nil))
    // Node keys as RunDiff's edges name them: B's id, or "a<ID>" for a node only in A.
    var index: [String: Int] = [:]
    for n in d.nodes {
      let key = n.b.map { String($0.id) } ?? "a\(n.a?.id ?? 0)"
      guard let shown = n.b ?? n.a else { continue }
      index[key] = nodes.count
      var node = Node(
        id: path + (n.b == nil ? "a\(shown.id)" : "b\(shown.id)"), name: shown.name,
        type: shown.type, state: shown.displayState, elapsed: shown.elapsed,
        convergesAll: shown.allParentsMustConverge, critical: false,
        unhandledFailure: shown.unhandledFailure, cluster: cluster, jobID: shown.jobID,
        firstFailure: Self.changeText(n))
      node.change = n.change.rawValue
      nodes.append(node)
    }
    // Edges: B's, then those only in A.
    var seen: Set<String> = []
    var hasParent: Set<Int> = []
    var children: [Int: [Int]] = [:]
    func add(_ from: String, _ to: String, _ kind: EdgeKind, taken: Bool) {
      guard let t = index[from], let h = index[to], seen.insert("\(from)>\(to)").inserted else {
        return
      }
      hasParent.insert(h)
      children[t, default: []].append(h)
      edges.append(Edge(tail: t, head: h, kind: kind, outcome: taken ? .taken : .notTaken))
    }
    for n in d.nodes {
      guard let b = n.b else { continue }
      for (kind, heads) in [
        (EdgeKind.success, b.successNodes), (.failure, b.failureNodes), (.always, b.alwaysNodes),
      ] {
        for h in heads { add(String(b.id), String(h), kind, taken: true) }
      }
    }
    // An edge only in A that would close a cycle with B's edges (A: x→y, B: y→x) is left
    // out: the layout needs a DAG, and the tables list it anyway.
    func reaches(_ from: Int, _ to: Int) -> Bool {
      var stack = [from]
      var visited: Set<Int> = []
      while let v = stack.popLast() {
        if v == to { return true }
        guard visited.insert(v).inserted else { continue }
        stack += children[v] ?? []
      }
      return false
    }
    for e in d.edges where e.b == nil {
      guard let kind = e.a, let t = index[e.from], let h = index[e.to], !reaches(h, t) else {
        continue
      }
      add(e.from, e.to, kind, taken: false)
    }
    for i in (startIndex + 1)..<nodes.count where !hasParent.contains(i) {
      edges.insert(Edge(tail: startIndex, head: i, kind: .always, outcome: .taken), at: 0)
    }
    for (k, n) in d.nodes.enumerated() {
      guard let nested = n.nested, let b = n.b, let parent = index[String(b.id)] else { continue }
      let c = clusters.count
      let ja = nested.a.shown.job
      let jb = nested.b.shown.job
      clusters.append(
        Cluster(
          label: "Nested workflow \(ja.id) → \(jb.id): \(jb.name) (\(nested.verdictA.rawValue) → "
            + "\(nested.verdictB.rawValue))",
          parent: cluster, workflowJobID: jb.id))
      let childStart = nodes.count
      addDiff(nested, cluster: c, path: "\(path)n\(k)-")
      edges.append(Edge(tail: parent, head: childStart, kind: nil, outcome: .taken))
    }
  }

  /// The tooltip of a node in the union graph: what changed, in words.
  static func changeText(_ n: RunDiff.NodeDiff) -> String {
    switch n.change {
    case .added: return "Only in B (\(n.b?.state ?? ""))"
    case .removed: return "Only in A (\(n.a?.state ?? ""))"
    case .unchanged: return "Unchanged (\(n.b?.state ?? ""))"
    default:
      var parts: [String] = []
      if n.stateChanged { parts.append("state: \(DiffText.states(n, arrow: "→"))") }
      if let delta = n.delta, delta != 0 {
        parts.append(
          "time: \(DiffText.seconds(n.a?.elapsed)) → \(DiffText.seconds(n.b?.elapsed)) "
            + DiffText.delta(delta, ratio: n.ratio))
      }
      if !n.otherChanges.isEmpty {
        parts.append("changed: " + n.otherChanges.joined(separator: ", "))
      }
      return parts.joined(separator: "; ")
    }
  }
}
