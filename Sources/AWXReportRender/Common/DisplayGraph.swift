import AWXReportModel

/// What every graph writer draws: nodes with their text and state, typed edges, the START
/// nodes, and nested workflows as clusters. Built once from a run and its analysis, so the DOT
/// and SVG drawings always agree.
package struct DisplayGraph: Sendable, Hashable {
  /// A node to draw.
  package struct Node: Sendable, Hashable {
    /// The stable id: the AWX node id, or `start` / `start-<workflow job id>`.
    package var id: String
    /// The first line: the node's name.
    package var name: String
    /// The job type (nil for START).
    package var type: JobType?
    /// The state (nil for START).
    package var state: NodeState?
    /// Elapsed seconds, when known.
    package var elapsed: Double?
    /// Whether the node carries the "ALL" convergence badge.
    package var convergesAll: Bool
    /// Whether it is on the critical path.
    package var critical: Bool
    /// Whether the failure is unhandled (fails the workflow).
    package var unhandledFailure: Bool
    /// Index into `clusters`, for nodes of nested workflows.
    package var cluster: Int?
    /// The spawned job's id, when there is one.
    package var jobID: Int?
    /// The first failed task of a failed job the fetch drilled into, one line
    /// ("Failed: task on host: message").
    package var firstFailure: String?
    /// How the node changed between two runs (a ``RunDiff/Change`` raw value), for the diff's
    /// union graph: it is coloured by this instead of its state. Nil in a run's own graph.
    package var change: String? = nil
    /// Set on the one node that stands in for nodes a focused graph leaves out
    /// (``FocusGraph``): how many, and why they are not drawn.
    package var collapsed: Collapsed? = nil

    /// Whether this is a START node.
    package var isStart: Bool { type == nil && collapsed == nil }

    /// The memberwise initializer, open to the package (benchmarks build graphs directly).
    package init(
      id: String, name: String, type: JobType?, state: NodeState?, elapsed: Double?,
      convergesAll: Bool, critical: Bool, unhandledFailure: Bool, cluster: Int?, jobID: Int?,
      firstFailure: String? = nil
    ) {
      self.id = id
      self.name = name
      self.type = type
      self.state = state
      self.elapsed = elapsed
      self.convergesAll = convergesAll
      self.critical = critical
      self.unhandledFailure = unhandledFailure
      self.cluster = cluster
      self.jobID = jobID
      self.firstFailure = firstFailure
    }

    /// "playbook job · failed · 1m 03s": the second line of a node's label.
    package var detail: String {
      guard let type, let state else { return "" }
      var parts = [type.displayName, state.label]
      if let e = elapsed, e > 0 { parts.append(ElapsedFormat.short(e)) }
      return parts.joined(separator: " · ")
    }
  }

  /// What a stand-in node of a focused graph hides.
  package enum Collapsed: Sendable, Hashable {
    /// This many nodes never ran because the failure above cut them off.
    case neverRun(Int)
    /// This many more nodes ran after the failure handler above.
    case ranAfter(Int)
    /// A chain of this many nodes that succeeded one after the other, shortened.
    case onTheWay(Int)

    /// How many nodes it stands for.
    package var count: Int {
      switch self {
      case .neverRun(let n), .ranAfter(let n), .onTheWay(let n): return n
      }
    }

    /// Whether it stands for never-run nodes.
    package var isNeverRun: Bool {
      if case .neverRun = self { return true }
      return false
    }

    /// "+ 214 never-run nodes": the stand-in's first line.
    package var title: String {
      let n = MarkdownEscaping.grouped(count)
      switch self {
      case .neverRun(let c): return "+ \(n) never-run node\(c == 1 ? "" : "s")"
      case .ranAfter(let c): return "+ \(n) more node\(c == 1 ? "" : "s") ran"
      case .onTheWay: return "… \(n) nodes …"
      }
    }

    /// The stand-in's second line.
    package var detail: String {
      switch self {
      case .neverRun: return "cut off by this failure"
      case .ranAfter: return "after this handler"
      case .onTheWay: return "succeeded one after the other"
      }
    }
  }

  /// An edge to draw.
  package struct Edge: Sendable, Hashable {
    /// Index of the tail node.
    package var tail: Int
    /// Index of the head node.
    package var head: Int
    /// The AWX edge kind; nil for the dotted link from a nested workflow node to its START.
    package var kind: EdgeKind?
    /// Whether AWX followed it in this run.
    package var outcome: EdgeOutcome

    /// The memberwise initializer, open to the package.
    package init(tail: Int, head: Int, kind: EdgeKind?, outcome: EdgeOutcome) {
      self.tail = tail
      self.head = head
      self.kind = kind
      self.outcome = outcome
    }
  }

  /// A nested workflow drawn as a box around its nodes.
  package struct Cluster: Sendable, Hashable {
    /// "Nested workflow 4712: Deploy app (successful)".
    package var label: String
    /// The enclosing cluster, for deeper nesting.
    package var parent: Int?
    /// The nested workflow job's id.
    package var workflowJobID: Int

    /// The memberwise initializer, open to the package.
    package init(label: String, parent: Int?, workflowJobID: Int) {
      self.label = label
      self.parent = parent
      self.workflowJobID = workflowJobID
    }
  }

  /// Nodes: START first, then the workflow's nodes by id, then each nested workflow's.
  package var nodes: [Node]
  /// Edges, sorted by (tail, head, kind).
  package var edges: [Edge]
  /// Nested workflows.
  package var clusters: [Cluster]

  /// A graph given directly by its parts (benchmarks and tests; reports use `init(_:)`).
  /// Edge ends and cluster indices must be in range, as `init(_:)` makes them.
  package init(nodes: [Node], edges: [Edge], clusters: [Cluster] = []) {
    self.nodes = nodes
    self.edges = edges
    self.clusters = clusters
  }

  /// Builds the display graph of `tree`: its run, then each nested run (once) as a cluster.
  package init(_ tree: AnalyzedRun) {
    nodes = []
    edges = []
    clusters = []
    var visited: Set<Int> = [tree.id]
    add(tree, cluster: nil, visited: &visited)
  }

  /// Appends one run's START, nodes and edges, then each nested run it launched, depth first,
  /// with the dotted edge from the launching node to the nested START after the nested run.
  private mutating func add(_ tree: AnalyzedRun, cluster: Int?, visited: inout Set<Int>) {
    let run = tree.run
    let analysis = tree.analysis
    let startIndex = nodes.count
    nodes.append(
      Node(
        id: cluster == nil ? "start" : "start-\(run.job.id)", name: "START", type: nil, state: nil,
        elapsed: nil, convergesAll: false, critical: false, unhandledFailure: false,
        cluster: cluster, jobID: nil))
    var index: [Int: Int] = [:]
    for node in run.nodes {
      guard let a = analysis.nodes[node.id] else { continue }
      index[node.id] = nodes.count
      nodes.append(
        Node(
          id: String(node.id), name: node.displayName, type: node.jobType, state: a.state,
          elapsed: a.elapsed, convergesAll: node.allParentsMustConverge, critical: a.onCriticalPath,
          unhandledFailure: a.failure == .unhandled, cluster: cluster, jobID: node.jobID,
          firstFailure: Self.firstFailure(node.jobID.flatMap { run.failureDetails[$0] })))
    }
    for root in analysis.graph.roots {
      guard let h = index[root] else { continue }
      edges.append(Edge(tail: startIndex, head: h, kind: .always, outcome: .taken))
    }
    for e in analysis.graph.edges {
      guard let t = index[e.from], let h = index[e.to] else { continue }
      edges.append(
        Edge(tail: t, head: h, kind: e.kind, outcome: analysis.edgeOutcomes[e] ?? .undecided))
    }
    for node in run.nodes {
      guard let jobID = node.jobID, let child = tree.children[jobID], !visited.contains(jobID),
        let parentIndex = index[node.id]
      else { continue }
      visited.insert(jobID)
      let c = clusters.count
      clusters.append(
        Cluster(
          label:
            "Nested workflow \(jobID): \(child.run.job.name) (\(child.run.job.status.rawValue))",
          parent: cluster, workflowJobID: jobID))
      let childStart = nodes.count
      add(child, cluster: c, visited: &visited)
      edges.append(Edge(tail: parentIndex, head: childStart, kind: nil, outcome: .taken))
    }
  }

  /// "Failed: task on host: message (and N more)" for a drill-down with failed tasks.
  static func firstFailure(_ detail: JobFailureDetail?) -> String? {
    guard let detail, let first = detail.failedTasks.first else { return nil }
    let more = detail.failedTasks.count - 1 + detail.moreFailedTasks
    let text = TextSafety.truncated(TextSafety.singleLine(FailureText.oneLine(first)), to: 200)
    return "Failed: " + text + (more > 0 ? " (and \(more) more)" : "")
  }
}
