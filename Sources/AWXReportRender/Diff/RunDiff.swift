import AWXReportJSON
import AWXReportModel

/// What changed between two runs (A, the reference, usually the last good run; B, the run under
/// study): the answer to a postmortem's first question. Built once from two summaries and read
/// by every diff writer (`diff.json`, `diff.md`, `diff.html`).
///
/// Nodes are matched by AWX's `identifier` (unique on both sides), then, for what is left, by
/// unified job template, job type and position among their parents (the parents already
/// matched), parents first; the rest is added (only in B) or removed (only in A). A nested
/// workflow launched by a matched node on both sides is diffed the same way, recursively.
///
/// Every text shown comes from the `shown` summaries, which the redaction policy already passed
/// over; launch values are compared on the raw jobs (so a changed secret is still seen) and
/// shown redacted.
package struct RunDiff: Sendable {
  /// One run as the diff reads it.
  package struct Side: Sendable {
    /// The summary every text shown comes from (redacted unless `--no-redact`).
    package var shown: RunSummary
    /// The same run before redaction: only launch values are compared on it.
    package var raw: RunSummary

    package init(shown: RunSummary, raw: RunSummary) {
      self.shown = shown
      self.raw = raw
    }
  }

  /// How a node changed, most decisive first; the graph colours nodes by it.
  package enum Change: String, Sendable, CaseIterable {
    case added
    case removed
    case stateChanged = "state-changed"
    case slower
    case faster
    /// Its template, type, convergence mode, edges or nested workflow changed.
    case changed
    case unchanged
  }

  /// How a node was paired with its counterpart.
  package enum MatchedBy: String, Sendable {
    case identifier
    case templatePosition = "template-position"
  }

  /// A node of either run, or both.
  package struct NodeDiff: Sendable {
    package var a: RunSummary.Node?
    package var b: RunSummary.Node?
    package var matchedBy: MatchedBy?
    package var change: Change
    /// Seconds B took minus seconds A took, when both are known.
    package var delta: Double?
    /// `delta` relative to A's time (0.5 = 50 % slower), when A's time is not zero.
    package var ratio: Double?
    /// Whether the duration change is significant: over 50 % and over 60 s.
    package var durationFlagged: Bool
    /// What else changed: `template`, `type`, `convergence`, `inputs`, `edges`, `nested`.
    package var otherChanges: [String]
    /// The node's own inputs (`extra_data`) that differ, key by key, shown redacted.
    package var inputs: [VariableDiff] = []
    /// The diff of the nested workflows it launched in both runs.
    package var nested: RunDiff?

    /// The name shown: B's, else A's.
    package var name: String { b?.name ?? a?.name ?? "" }
    package var identifier: String { b?.identifier ?? a?.identifier ?? "" }
    package var stateChanged: Bool {
      guard let a, let b else { return false }
      return a.state != b.state || a.displayState != b.displayState
    }
  }

  /// An edge by the nodes it joins, in B's ids where B has the node, else A's.
  package struct EdgeDiff: Sendable, Hashable {
    package var from: String
    package var to: String
    package var fromName: String
    package var toName: String
    package var a: EdgeKind?
    package var b: EdgeKind?
  }

  /// One launch setting that differs.
  package struct LaunchDiff: Sendable, Hashable {
    /// `template`, `inventory`, `limit`, `scm_branch`, `launched_by`, `launch_type`.
    package var field: String
    package var a: String?
    package var b: String?
  }

  /// One extra_vars key that differs.
  package struct VariableDiff: Sendable, Hashable {
    package var key: String
    /// `added`, `removed` or `changed`.
    package var change: String
    /// The values as shown (compact JSON, redacted), nil where absent.
    package var a: String?
    package var b: String?
    /// Whether the key looks secret (both values masked).
    package var secret: Bool
  }

  /// The duration of the whole run or of its critical path, on both sides.
  package struct Duration: Sendable, Hashable {
    package var a: Double?
    package var b: Double?
    package var delta: Double? { a.flatMap { a in b.map { $0 - a } } }
    package var ratio: Double? {
      guard let a, let d = delta, a > 0 else { return nil }
      return d / a
    }
    package var flagged: Bool { RunDiff.significant(delta: delta, ratio: ratio) }
  }

  package var a: Side
  package var b: Side
  /// Whether both runs come from the same workflow job template.
  package var sameTemplate: Bool
  /// Every node of either run: B's in run order (parents first), then A's removed ones.
  package var nodes: [NodeDiff]
  package var edges: [EdgeDiff]
  package var launch: [LaunchDiff]
  package var extraVars: [VariableDiff]
  package var workflowDuration: Duration
  package var criticalPath: Duration
  /// Index into `nodes` of the first divergence: the earliest node in run order whose outcome
  /// differs (its state changed, or it ran in one run only).
  package var firstDivergence: Int?

  /// The verdicts by AWX's rules.
  package var verdictA: JobStatus { a.shown.verdict.byRules }
  package var verdictB: JobStatus { b.shown.verdict.byRules }
  package var verdictChanged: Bool { verdictA != verdictB }

  /// Whether node states differ: a state changed, or a node is in one run only (nested runs
  /// included). With the verdict, what `--exit-status` reports.
  package var statesDiffer: Bool {
    nodes.contains { n in
      n.change == .added || n.change == .removed || n.stateChanged
        || (n.nested?.statesDiffer ?? false) || (n.nested?.verdictChanged ?? false)
    }
  }

  /// Whether the diff reports anything at all.
  package var hasChanges: Bool {
    verdictChanged || !sameTemplate || !launch.isEmpty || !extraVars.isEmpty
      || edges.contains { $0.a != $0.b } || workflowDuration.flagged || criticalPath.flagged
      || nodes.contains { $0.change != .unchanged || $0.delta.map { $0 != 0 } ?? false }
  }

  /// The nodes whose state changed (matched nodes only).
  package var stateChanges: [NodeDiff] { nodes.filter(\.stateChanged) }

  /// Whether a duration change is worth a flag: over 50 % and over 60 s.
  package static func significant(delta: Double?, ratio: Double?) -> Bool {
    guard let delta, let ratio else { return false }
    return abs(delta) > 60 && abs(ratio) > 0.5
  }

  /// Diffs run `a` (the reference) against run `b`.
  package init(a: Side, b: Side, redact: Bool) {
    self.a = a
    self.b = b
    let ja = a.raw.job
    let jb = b.raw.job
    if let ta = ja.templateID, let tb = jb.templateID {
      sameTemplate = ta == tb
    } else {
      sameTemplate = ja.templateName == jb.templateName && ja.templateName != nil
    }
    workflowDuration = Duration(a: ja.elapsed, b: jb.elapsed)
    criticalPath = Duration(a: a.shown.criticalPathDuration, b: b.shown.criticalPathDuration)
    let pairs = Self.match(a.shown, b.shown)
    var nodes: [NodeDiff] = []
    var bToA: [Int: Int] = [:]
    for (bid, (aid, _)) in pairs { bToA[bid] = aid }
    let matchedA = Set(bToA.values)
    for id in b.shown.topologicalOrder {
      guard let nb = b.shown.node(id) else { continue }
      if let (aid, how) = pairs[id], let na = a.shown.node(aid) {
        nodes.append(Self.compare(na, nb, how: how, a: a, b: b, redact: redact))
      } else {
        nodes.append(
          NodeDiff(
            a: nil, b: nb, matchedBy: nil, change: .added, delta: nil, ratio: nil,
            durationFlagged: false, otherChanges: [], nested: nil))
      }
    }
    for id in a.shown.topologicalOrder where !matchedA.contains(id) {
      guard let na = a.shown.node(id) else { continue }
      nodes.append(
        NodeDiff(
          a: na, b: nil, matchedBy: nil, change: .removed, delta: nil, ratio: nil,
          durationFlagged: false, otherChanges: [], nested: nil))
    }
    edges = Self.edges(a.shown, b.shown, bToA: bToA)
    // A matched node whose edges changed is "changed" too.
    let touched = Set(edges.filter { $0.a != $0.b }.flatMap { [$0.from, $0.to] })
    for i in nodes.indices {
      guard let nb = nodes[i].b, nodes[i].a != nil, touched.contains(String(nb.id)) else {
        continue
      }
      nodes[i].otherChanges.append("edges")
      if nodes[i].change == .unchanged { nodes[i].change = .changed }
    }
    self.nodes = nodes
    firstDivergence = nodes.firstIndex { n in
      n.stateChanged || (n.change == .added && Self.ran(n.b))
        || (n.change == .removed && Self.ran(n.a))
    }
    launch = Self.launch(ja, jb, redact: redact)
    extraVars = Self.variables(ja.extraVars, jb.extraVars, redact: redact)
  }

  /// Whether a node's job ran (it has a job and did not merely wait).
  static func ran(_ n: RunSummary.Node?) -> Bool {
    guard let n else { return false }
    return n.jobID != nil
  }

  // MARK: Matching

  /// B's node id → (A's node id, how).
  static func match(_ a: RunSummary, _ b: RunSummary) -> [Int: (Int, MatchedBy)] {
    var pairs: [Int: (Int, MatchedBy)] = [:]
    var taken: Set<Int> = []
    func unique(_ s: RunSummary) -> [String: Int] {
      var seen: [String: [Int]] = [:]
      for n in s.nodes where !n.identifier.isEmpty { seen[n.identifier, default: []].append(n.id) }
      return seen.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }
    let ua = unique(a)
    for (ident, bid) in unique(b) {
      guard let aid = ua[ident] else { continue }
      pairs[bid] = (aid, .identifier)
      taken.insert(aid)
    }
    let parentsA = parents(a)
    let parentsB = parents(b)
    // A's unmatched nodes by job type and template, in A's run order.
    var pool: [String: [RunSummary.Node]] = [:]
    for id in a.topologicalOrder where !taken.contains(id) {
      guard let na = a.node(id) else { continue }
      pool["\(na.type.rawValue) \(templateKey(na))", default: []].append(na)
    }
    for bid in b.topologicalOrder where pairs[bid] == nil {
      guard let nb = b.node(bid) else { continue }
      let wanted = Set((parentsB[bid] ?? []).compactMap { pairs[$0]?.0 })
      guard wanted.count == (parentsB[bid] ?? []).count else { continue }
      let key = "\(nb.type.rawValue) \(templateKey(nb))"
      guard
        let k = pool[key]?.firstIndex(where: { na in
          !taken.contains(na.id) && Set(parentsA[na.id] ?? []) == wanted
        }), let pick = pool[key]?[k]
      else { continue }
      pool[key]?.remove(at: k)
      pairs[bid] = (pick.id, .templatePosition)
      taken.insert(pick.id)
    }
    return pairs
  }

  static func templateKey(_ n: RunSummary.Node) -> String {
    if let id = n.templateID { return "id:\(id)" }
    return "name:\(n.templateName ?? n.name)"
  }

  /// Each node's parents (by id).
  static func parents(_ s: RunSummary) -> [Int: [Int]] {
    var out: [Int: [Int]] = [:]
    for n in s.nodes {
      for c in n.successNodes + n.failureNodes + n.alwaysNodes where !(out[c] ?? []).contains(n.id)
      {
        out[c, default: []].append(n.id)
      }
    }
    return out
  }

  // MARK: Comparing

  static func compare(
    _ na: RunSummary.Node, _ nb: RunSummary.Node, how: MatchedBy, a: Side, b: Side, redact: Bool
  ) -> NodeDiff {
    var d = NodeDiff(
      a: na, b: nb, matchedBy: how, change: .unchanged, delta: nil, ratio: nil,
      durationFlagged: false, otherChanges: [], nested: nil)
    if let ea = na.elapsed, let eb = nb.elapsed {
      d.delta = eb - ea
      d.ratio = ea > 0 ? (eb - ea) / ea : nil
      d.durationFlagged = significant(delta: d.delta, ratio: d.ratio)
    }
    if na.templateID != nb.templateID || na.templateName != nb.templateName {
      d.otherChanges.append("template")
    }
    if na.type != nb.type { d.otherChanges.append("type") }
    if na.allParentsMustConverge != nb.allParentsMustConverge {
      d.otherChanges.append("convergence")
    }
    let rawA = a.raw.node(na.id)?.extraData ?? na.extraData
    let rawB = b.raw.node(nb.id)?.extraData ?? nb.extraData
    d.inputs = variables(rawA, rawB, redact: redact)
    if !d.inputs.isEmpty { d.otherChanges.append("inputs") }
    if let ia = na.nestedWorkflowJobID, let ib = nb.nestedWorkflowJobID,
      let sa = a.shown.nested[ia], let sb = b.shown.nested[ib]
    {
      let child = RunDiff(
        a: Side(shown: sa, raw: a.raw.nested[ia] ?? sa),
        b: Side(shown: sb, raw: b.raw.nested[ib] ?? sb), redact: redact)
      if child.hasChanges { d.otherChanges.append("nested") }
      d.nested = child
    }
    if d.stateChanged {
      d.change = .stateChanged
    } else if d.durationFlagged, let delta = d.delta {
      d.change = delta > 0 ? .slower : .faster
    } else if !d.otherChanges.isEmpty {
      d.change = .changed
    }
    return d
  }

  static func edges(_ a: RunSummary, _ b: RunSummary, bToA: [Int: Int]) -> [EdgeDiff] {
    let aToB = Dictionary(bToA.map { ($1, $0) }, uniquingKeysWith: { x, _ in x })
    struct Key: Hashable {
      var from: String
      var to: String
    }
    func key(_ id: Int, inA: Bool) -> String {
      if inA { return aToB[id].map { String($0) } ?? "a\(id)" }
      return String(id)
    }
    func collect(_ s: RunSummary, inA: Bool) -> [Key: (EdgeKind, String, String)] {
      var out: [Key: (EdgeKind, String, String)] = [:]
      for n in s.nodes {
        for (kind, heads) in [
          (EdgeKind.success, n.successNodes), (.failure, n.failureNodes), (.always, n.alwaysNodes),
        ] {
          for h in heads {
            out[Key(from: key(n.id, inA: inA), to: key(h, inA: inA))] = (
              kind, n.name, s.node(h)?.name ?? "node \(h)"
            )
          }
        }
      }
      return out
    }
    let ea = collect(a, inA: true)
    let eb = collect(b, inA: false)
    var out: [EdgeDiff] = []
    for k in Set(ea.keys).union(eb.keys) {
      let x = ea[k]
      let y = eb[k]
      guard x?.0 != y?.0 else { continue }
      out.append(
        EdgeDiff(
          from: k.from, to: k.to, fromName: y?.1 ?? x?.1 ?? "", toName: y?.2 ?? x?.2 ?? "",
          a: x?.0, b: y?.0))
    }
    return out.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
  }

  // MARK: Launch

  static func launch(_ a: WorkflowJob, _ b: WorkflowJob, redact: Bool) -> [LaunchDiff] {
    func show(_ s: String?) -> String? { s.map { redact ? Redaction.text($0) : $0 } }
    func template(_ j: WorkflowJob) -> String? {
      guard j.templateID != nil || j.templateName != nil else { return nil }
      return "\(j.templateName ?? "?") (\(j.templateID.map { "id \($0)" } ?? "deleted"))"
    }
    let fields: [(String, String?, String?)] = [
      ("template", template(a), template(b)),
      ("inventory", a.inventoryName, b.inventoryName),
      ("limit", a.limit, b.limit),
      ("scm_branch", a.scmBranch, b.scmBranch),
      ("launched_by", a.launchedBy, b.launchedBy),
      ("launch_type", a.launchType, b.launchType),
    ]
    return fields.compactMap { field, x, y in
      x == y ? nil : LaunchDiff(field: field, a: show(x), b: show(y))
    }
  }

  /// extra_vars key by key when both are JSON objects, else the whole text as one entry
  /// (key `extra_vars`). Values are compared as parsed JSON, on the raw texts.
  static func variables(_ a: String, _ b: String, redact: Bool) -> [VariableDiff] {
    func members(_ text: String) -> [(key: String, value: JSONValue)]? {
      if text.allSatisfy(\.isWhitespace) { return [] }
      guard let v = try? JSONParser.parse(Array(text.utf8)), case .object(let m) = v else {
        return nil
      }
      return m
    }
    guard let ma = members(a), let mb = members(b) else {
      guard a != b else { return [] }
      let secret = redact && (Redaction.text(a) != a || Redaction.text(b) != b)
      return [
        VariableDiff(
          key: "extra_vars", change: "changed", a: redact ? Redaction.text(a) : a,
          b: redact ? Redaction.text(b) : b, secret: secret)
      ]
    }
    var da: [String: JSONValue] = [:]
    for m in ma { da[m.key] = SummaryJSON.sortedDeep(m.value) }
    var db: [String: JSONValue] = [:]
    for m in mb { db[m.key] = SummaryJSON.sortedDeep(m.value) }
    var out: [VariableDiff] = []
    for key in Set(da.keys).union(db.keys).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    ) {
      let x = da[key]
      let y = db[key]
      guard x != y else { continue }
      let secret = Redaction.isSecretKey(key)
      func show(_ v: JSONValue?) -> String? {
        guard let v else { return nil }
        if redact && secret { return Redaction.mask }
        let shown = redact ? Redaction.redacted(v) : v
        return JSONWriter.write(shown, style: .spaced)
      }
      let change = x == nil ? "added" : y == nil ? "removed" : "changed"
      out.append(VariableDiff(key: key, change: change, a: show(x), b: show(y), secret: secret))
    }
    return out
  }
}
