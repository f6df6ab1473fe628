import AWXReportModel
import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportRender

@Suite struct NarrativeTests {
  func child(_ id: Int, _ status: JobStatus) -> ChildJob {
    ChildJob(id: id, type: .job, name: "job \(id)", status: status, hasDetail: true)
  }

  func sentence(
    _ status: JobStatus, _ nodes: [WorkflowNode], explanation: String = ""
  ) throws -> String {
    let run = WorkflowRun(
      job: WorkflowJob(id: 1, name: "wf", status: status, explanation: explanation), nodes: nodes)
    return Narrative.verdict(try RunAnalysis(run), job: run.job)
  }

  @Test func verdictSentences() throws {
    let failedLeaf = WorkflowNode(id: 1, templateID: 1, jobID: 11, job: child(11, .failed))
    #expect(try sentence(.failed, [failedLeaf]) == "failed: 1 unhandled failure")
    let handled = WorkflowNode(
      id: 1, templateID: 1, jobID: 11, job: child(11, .failed), alwaysNodes: [2])
    let cleanup = WorkflowNode(id: 2, templateID: 1, jobID: 12, job: child(12, .successful))
    #expect(
      try sentence(.successful, [handled, cleanup])
        == "successful: 1 failure handled by error paths")
    #expect(try sentence(.successful, [cleanup]) == "successful: every node that ran succeeded")
    #expect(try sentence(.failed, [cleanup], explanation: "boom") == "failed: boom")
    #expect(try sentence(.error, []) == "error: the workflow job errored")
    #expect(try sentence(.canceled, [cleanup]) == "canceled")
    let running = WorkflowNode(id: 3, templateID: 1, jobID: 13, job: child(13, .running))
    let later = WorkflowNode(id: 4, templateID: 1)
    #expect(try sentence(.running, [cleanup, running, later]) == "running: 1 of 3 nodes finished")
    #expect(
      try sentence(.running, [failedLeaf, running])
        == "running: 1 of 2 nodes finished, 1 unhandled failure so far")
  }

  @Test func elapsedFormats() {
    #expect(ElapsedFormat.clock(3723.4) == "01:02:03")
    #expect(ElapsedFormat.clock(-5) == "00:00:00")
    #expect(ElapsedFormat.short(3.24) == "3.2s")
    #expect(ElapsedFormat.short(65) == "1m 05s")
    #expect(ElapsedFormat.short(7384) == "2h 03m")
    #expect(ElapsedFormat.short(.nan) == "0s")
  }
}

/// `templates/report.css` repeats the palette for the page; these must agree.
@Suite struct PaletteTests {
  func css() throws -> String {
    let url = repoRoot.appendingPathComponent("templates/report.css")
    return String(
      decoding: try #require(FileManager.default.contents(atPath: url.path)), as: UTF8.self)
  }

  /// The light-scheme rule `.state-<state>… { --fill: …; --stroke: …; --text: … }` of each state.
  @Test func stateColoursMatchTheCSS() throws {
    let text = try css()
    let light = String(
      text[
        ..<(text.range(of: "prefers-color-scheme: dark) {\n  .state-")?.lowerBound ?? text.endIndex)
      ])
    for state in NodeState.allCases {
      let selector = ".state-\(state.rawValue)"
      let line = try #require(
        light.split(separator: "\n").first { line in
          line.hasPrefix(".state-") && line.contains("--fill")
            && line.split(separator: "{")[0].split(separator: ",").contains {
              $0.trimmingCharacters(in: .whitespaces) == selector
            }
        }, "no CSS rule for \(selector)")
      let c = Palette.colors(state)
      #expect(line.contains("--fill: \(c.fill);"), "\(selector): \(line)")
      #expect(line.contains("--stroke: \(c.stroke);"), "\(selector): \(line)")
      #expect(line.contains("--text: \(c.text);"), "\(selector): \(line)")
    }
  }

  @Test func edgeColoursMatchTheCSS() throws {
    let text = try css()
    for kind in EdgeKind.allCases {
      #expect(text.contains("--\(kind.rawValue): \(Palette.color(kind));"), "\(kind)")
    }
  }
}
