import AWXReportModel

/// The failure-focus view of a large run: the part of the graph that explains its outcome,
/// small enough to read at page width.
///
/// It keeps, from the full ``DisplayGraph``:
/// - every node that failed (failed, error, canceled, denied, timed out, template deleted) or
///   is still running or waiting, in the top-level run and in every nested one, with its path
///   from START (``NodeAnalysis/pathFromStart``, the path the failure analysis prints) and,
///   for a nested run, the path to the node that launched it;
/// - the critical path of the top-level run;
/// - the failure and always edges that handled a failure, their targets, and what ran after
///   them (up to ``maxRanAfter`` nodes; more become one stand-in "+ N more nodes ran"); each
///   node counts under the first handler that reaches it;
/// - the never-run nodes a failure cut off (up to ``maxCutOff``; more become one stand-in
///   "+ N never-run nodes"). Each never-run node counts under the first failure that reaches it.
///
/// Every edge of the full graph between two kept nodes is kept; nested workflows stay clusters.
/// Nodes keep their ids and their order, so the focus and the full drawing name things alike.
package struct FocusGraph: Sendable {
  /// Above this many never-run nodes under one failure, they are drawn as one stand-in.
  package static let maxCutOff = 3
  /// Above this many nodes after one handler, they are drawn as one stand-in.
  package static let maxRanAfter = 6
  /// Above this many nodes, the focus is drawn with its plain chains shortened
  /// (``compacted()``).
  package static let compactAbove = 150

  /// What to draw: the focus, or, when it has more than ``compactAbove`` nodes, the focus
  /// with its plain chains shortened.
  package var drawing: DisplayGraph {
    graph.nodes.count > Self.compactAbove ? compacted() : graph
  }

  /// The focused graph, stand-ins included.
  package var graph: DisplayGraph
  /// For each node of ``graph``, its index in the full graph; nil for a stand-in.
  package var source: [Int?]
  /// Workflow nodes drawn (START nodes and stand-ins not counted).
  package var shownCount: Int
  /// Workflow nodes in the full graph (START nodes not counted).
  package var totalCount: Int

  /// Which failures a focus is about.
  package enum Scope: Sendable {
    /// Every failure, handled or not (the report's focus).
    case allFailures
    /// Only the failures no edge handled, the ones that failed a workflow (a narrower focus
    /// for when the first one is still too big, as in summary.md's Mermaid diagram).
    case unhandledFailures
  }

  /// The focus of `full`, the display graph of `tree`; nil when it would show no workflow node
  /// (nothing failed, ran or is running).
  package init?(_ tree: AnalyzedRun, full: DisplayGraph, scope: Scope = .allFailures) {
    var selection = Selection(tree: tree, full: full, scope: scope)
    selection.select()
    guard selection.keptWorkflowNodes > 0 else { return nil }
    (graph, source) = selection.build()
    shownCount = selection.keptWorkflowNodes
    totalCount = full.nodes.count { !$0.isStart && $0.collapsed == nil }
  }
}

extension FocusGraph {
  /// The focus with every chain of three or more nodes that simply succeeded one after the other
  /// (one edge in, one edge out, both taken) drawn as one stand-in "… N nodes …": the shape of
  /// the focus in far fewer nodes, for summary.md's Mermaid diagram.
  package func compacted() -> DisplayGraph {
    let nodes = graph.nodes
    var incoming = [[Int]](repeating: [], count: nodes.count)
    var outgoing = [[Int]](repeating: [], count: nodes.count)
    for (k, e) in graph.edges.enumerated() {
      incoming[e.head].append(k)
      outgoing[e.tail].append(k)
    }
    func plain(_ i: Int) -> Bool {
      let n = nodes[i]
      guard !n.isStart, n.collapsed == nil, n.state == .successful || n.state == .approved,
        incoming[i].count == 1, outgoing[i].count == 1
      else { return false }
      let into = graph.edges[incoming[i][0]]
      let out = graph.edges[outgoing[i][0]]
      return into.kind != nil && out.kind != nil && into.outcome == .taken
        && out.outcome == .taken && nodes[into.tail].cluster == n.cluster
        && nodes[out.head].cluster == n.cluster
    }
    // Each chain of plain nodes, from its first node, with its length.
    var chainOf = [Int](repeating: -1, count: nodes.count)
    var chains: [[Int]] = []
    for i in nodes.indices where plain(i) {
      let before = graph.edges[incoming[i][0]].tail
      guard !plain(before) else { continue }
      var chain = [i]
      var next = graph.edges[outgoing[i][0]].head
      while plain(next), next != i {
        chain.append(next)
        next = graph.edges[outgoing[next][0]].head
      }
      guard chain.count >= 3 else { continue }
      for n in chain { chainOf[n] = chains.count }
      chains.append(chain)
    }
    var newIndex = [Int](repeating: -1, count: nodes.count)
    var out: [DisplayGraph.Node] = []
    var standIn = [Int](repeating: -1, count: chains.count)
    for (i, n) in nodes.enumerated() {
      let c = chainOf[i]
      if c < 0 {
        newIndex[i] = out.count
        out.append(n)
      } else if standIn[c] < 0 {
        standIn[c] = out.count
        var node = DisplayGraph.Node(
          id: "chain-\(n.id)", name: "", type: nil, state: .successful, elapsed: nil,
          convergesAll: false, critical: chains[c].allSatisfy { nodes[$0].critical },
          unhandledFailure: false, cluster: n.cluster, jobID: nil)
        node.collapsed = .onTheWay(chains[c].count)
        node.name = node.collapsed?.title ?? ""
        out.append(node)
      }
    }
    func index(_ i: Int) -> Int { chainOf[i] < 0 ? newIndex[i] : standIn[chainOf[i]] }
    var edges: [DisplayGraph.Edge] = []
    for e in graph.edges {
      let (t, h) = (index(e.tail), index(e.head))
      guard t != h else { continue }
      edges.append(DisplayGraph.Edge(tail: t, head: h, kind: e.kind, outcome: e.outcome))
    }
    return DisplayGraph(nodes: out, edges: edges, clusters: graph.clusters)
  }
}

/// The working state of one ``FocusGraph`` selection.
private struct Selection {
  let tree: AnalyzedRun
  let full: DisplayGraph
  let scope: FocusGraph.Scope
  /// The runs drawn, by workflow job id.
  var runs: [Int: AnalyzedRun] = [:]
  /// Full-graph index of each (workflow job, node id); node nil is that run's START.
  var index: [Key: Int] = [:]
  /// The workflow job each full-graph node belongs to.
  var jobOf: [Int] = []
  /// For a nested START, the index of the node that launched its run.
  var launcher: [Int: Int] = [:]
  var outgoing: [[Int]] = []
  var kept: [Bool] = []
  var standIns: [(tail: Int, kind: EdgeKind?, collapsed: DisplayGraph.Collapsed)] = []

  struct Key: Hashable {
    var job: Int
    var node: Int?
  }

  init(tree: AnalyzedRun, full: DisplayGraph, scope: FocusGraph.Scope) {
    self.tree = tree
    self.full = full
    self.scope = scope
    runs[tree.id] = tree
    tree.visitNested { _, child, _, _ in runs[child.id] = child }
    jobOf.reserveCapacity(full.nodes.count)
    for (i, n) in full.nodes.enumerated() {
      let job = n.cluster.map { full.clusters[$0].workflowJobID } ?? tree.id
      jobOf.append(job)
      index[Key(job: job, node: n.isStart ? nil : Int(n.id))] = i
    }
    outgoing = Array(repeating: [], count: full.nodes.count)
    for (k, e) in full.edges.enumerated() {
      outgoing[e.tail].append(k)
      if e.kind == nil { launcher[e.head] = e.tail }
    }
    kept = Array(repeating: false, count: full.nodes.count)
  }

  var keptWorkflowNodes: Int {
    var n = 0
    for (i, k) in kept.enumerated() where k && !full.nodes[i].isStart { n += 1 }
    return n
  }

  mutating func select() {
    // Failures and unfinished nodes, with their paths; then the critical path.
    var failures: [Int] = []
    for job in runs.keys.sorted() {
      guard let run = runs[job] else { continue }
      for id in run.analysis.graph.topologicalOrder {
        guard let a = run.analysis.nodes[id], let i = index[Key(job: job, node: id)] else {
          continue
        }
        let counted =
          a.state.isFailure && (scope == .allFailures || a.failure == .unhandled)
        if counted { failures.append(i) }
        if counted || [.running, .waiting, .awaitingApproval].contains(a.state) {
          keepPath(to: i)
        }
      }
    }
    for id in tree.analysis.criticalPath {
      if let i = index[Key(job: tree.id, node: id)] { keepPath(to: i) }
    }
    failures.sort()
    var assigned = Set<Int>()
    for f in failures { keepHandlers(of: f, assigned: &assigned) }
    for f in failures { keepCutOff(by: f, assigned: &assigned) }
  }

  /// Keeps node `target`, its path from its run's START, and the way to that START from the
  /// top: the node that launched the run, its own path, and so on up.
  mutating func keepPath(to target: Int) {
    var i = target
    while true {
      let job = jobOf[i]
      if !full.nodes[i].isStart, let id = Int(full.nodes[i].id),
        let path = runs[job]?.analysis.nodes[id]?.pathFromStart
      {
        for step in path { if let s = index[Key(job: job, node: step)] { kept[s] = true } }
      }
      kept[i] = true
      // A START already kept has its way up kept too.
      guard let start = index[Key(job: job, node: nil)], !kept[start] else { return }
      kept[start] = true
      guard let up = launcher[start] else { return }
      i = up
    }
  }

  /// Keeps the targets of the failure and always edges that handled failure `f`, and what ran
  /// after each of them (or one stand-in when that is more than ``FocusGraph/maxRanAfter``).
  /// A node already counted under another handler is not counted again.
  mutating func keepHandlers(of f: Int, assigned: inout Set<Int>) {
    for k in outgoing[f] {
      let e = full.edges[k]
      guard e.outcome == .taken, e.kind == .failure || e.kind == .always else { continue }
      kept[e.head] = true
      var after: [Int] = []
      var seen: Set<Int> = [e.head]
      var queue = [e.head]
      var firstKind: EdgeKind?
      while let n = queue.popLast() {
        for k in outgoing[n] {
          let next = full.edges[k]
          guard next.outcome == .taken, next.kind != nil, seen.insert(next.head).inserted else {
            continue
          }
          if n == e.head, firstKind == nil { firstKind = next.kind }
          if !kept[next.head], assigned.insert(next.head).inserted { after.append(next.head) }
          queue.append(next.head)
        }
      }
      if after.count <= FocusGraph.maxRanAfter {
        for n in after { kept[n] = true }
      } else {
        standIns.append((e.head, firstKind ?? .always, .ranAfter(after.count)))
      }
    }
  }

  /// Keeps the never-run nodes failure `f` cut off, or one stand-in for them when there are
  /// more than ``FocusGraph/maxCutOff``. A node already counted under another failure is not
  /// counted again.
  mutating func keepCutOff(by f: Int, assigned: inout Set<Int>) {
    var cut: [Int] = []
    var queue = [f]
    var firstKind: EdgeKind?
    while let n = queue.popLast() {
      for k in outgoing[n] {
        let e = full.edges[k]
        guard e.kind != nil, full.nodes[e.head].state == .neverRun,
          !kept[e.head], assigned.insert(e.head).inserted
        else { continue }
        if n == f, firstKind == nil { firstKind = e.kind }
        cut.append(e.head)
        queue.append(e.head)
      }
    }
    guard !cut.isEmpty else { return }
    if cut.count <= FocusGraph.maxCutOff {
      for n in cut { kept[n] = true }
    } else {
      standIns.append((f, firstKind ?? .success, .neverRun(cut.count)))
    }
  }

  /// The kept nodes in their full-graph order, the edges between them, then the stand-ins.
  func build() -> (DisplayGraph, [Int?]) {
    var newIndex = [Int](repeating: -1, count: full.nodes.count)
    var nodes: [DisplayGraph.Node] = []
    var source: [Int?] = []
    var clusterUsed = [Bool](repeating: false, count: full.clusters.count)
    for (i, k) in kept.enumerated() where k {
      newIndex[i] = nodes.count
      nodes.append(full.nodes[i])
      source.append(i)
      var c = full.nodes[i].cluster
      while let cluster = c, !clusterUsed[cluster] {
        clusterUsed[cluster] = true
        c = full.clusters[cluster].parent
      }
    }
    var clusterIndex = [Int](repeating: -1, count: full.clusters.count)
    var clusters: [DisplayGraph.Cluster] = []
    for (c, used) in clusterUsed.enumerated() where used {
      clusterIndex[c] = clusters.count
      var cluster = full.clusters[c]
      cluster.parent = cluster.parent.map { clusterIndex[$0] }
      clusters.append(cluster)
    }
    for n in nodes.indices {
      nodes[n].cluster = nodes[n].cluster.map { clusterIndex[$0] }
    }
    var edges: [DisplayGraph.Edge] = []
    for e in full.edges where newIndex[e.tail] >= 0 && newIndex[e.head] >= 0 {
      edges.append(
        DisplayGraph.Edge(
          tail: newIndex[e.tail], head: newIndex[e.head], kind: e.kind, outcome: e.outcome))
    }
    for s in standIns {
      let tail = full.nodes[s.tail]
      var node = DisplayGraph.Node(
        id: "more-\(tail.id)", name: s.collapsed.title, type: nil,
        state: s.collapsed.isNeverRun ? .neverRun : nil, elapsed: nil, convergesAll: false,
        critical: false, unhandledFailure: false,
        cluster: nodes[newIndex[s.tail]].cluster, jobID: nil)
      node.collapsed = s.collapsed
      edges.append(
        DisplayGraph.Edge(
          tail: newIndex[s.tail], head: nodes.count, kind: s.kind,
          outcome: s.collapsed.isNeverRun ? .notTaken : .taken))
      nodes.append(node)
      source.append(nil)
    }
    return (DisplayGraph(nodes: nodes, edges: edges, clusters: clusters), source)
  }
}
