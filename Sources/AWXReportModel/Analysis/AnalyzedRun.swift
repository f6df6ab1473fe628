/// A workflow run with its analysis and the analysed runs of the nested workflows it launched:
/// the tree every report walks, built once.
///
/// Each nested run is paired with its own analysis, so a reader never looks an analysis up by
/// job id beside the run it belongs to. A nested workflow job that appears under more than one
/// node (only a hand-edited snapshot does that) is kept under each; walkers that must show it
/// once use ``visitNested(_:)``.
package struct AnalyzedRun: Hashable, Sendable {
  /// The run as decoded.
  package let run: WorkflowRun
  /// Its analysis by AWX's rules.
  package let analysis: RunAnalysis
  /// The analysed nested runs, by the child workflow job's id.
  package let children: [Int: AnalyzedRun]

  /// Analyses `run` and every nested run it carries.
  /// - Throws: `ModelError.inWorkflowJob` naming the workflow job whose nodes are not a DAG.
  package init(_ run: WorkflowRun) throws(ModelError) {
    do {
      analysis = try RunAnalysis(run)
    } catch {
      throw .inWorkflowJob(run.job.id, error)
    }
    var children: [Int: AnalyzedRun] = [:]
    for id in run.nested.keys.sorted() {
      guard let child = run.nested[id] else { continue }
      children[id] = try AnalyzedRun(child)
    }
    self.run = run
    self.children = children
  }

  /// The workflow job's id.
  package var id: Int { run.job.id }

  /// The nested runs in the order the reports list them: for each node (by id) that launched a
  /// nested workflow, that workflow, then the ones it launched, depth first; each workflow job
  /// once, and never the top-level job again.
  /// - Parameter visit: called with the node that launched the run, the run, its depth (1 for
  ///   a direct child) and the run it sits in.
  package func visitNested(
    _ visit: (_ node: WorkflowNode, _ child: AnalyzedRun, _ depth: Int, _ parent: AnalyzedRun) ->
      Void
  ) {
    var visited: Set<Int> = [id]
    walk(depth: 1, visited: &visited, visit)
  }

  private func walk(
    depth: Int, visited: inout Set<Int>,
    _ visit: (WorkflowNode, AnalyzedRun, Int, AnalyzedRun) -> Void
  ) {
    for node in run.nodes {
      guard let jobID = node.jobID, let child = children[jobID], !visited.contains(jobID)
      else { continue }
      visited.insert(jobID)
      visit(node, child, depth, self)
      child.walk(depth: depth + 1, visited: &visited, visit)
    }
  }
}
