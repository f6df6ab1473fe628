import AWXReportModel

/// The one palette of every drawing and page: node-state colours, dash patterns and symbols,
/// the AWX UI's edge colours, and the START and spawn colours. `templates/report.css` repeats
/// the state and edge colours for the HTML page; a test checks it against this file.
package enum Palette {
  /// The fill, outline and text colours of a node in one state.
  package struct StateColors: Hashable, Sendable {
    package var fill: String
    package var stroke: String
    package var text: String
  }

  /// START nodes (the AWX UI's blue).
  package static let start = "#0279bc"
  /// The dotted link from a nested workflow's node to its START.
  package static let spawn = "#7a7d82"

  /// The colours of `state`.
  package static func colors(_ state: NodeState) -> StateColors {
    switch state {
    case .successful, .approved: return .init(fill: "#e9f5e9", stroke: "#3e8e3e", text: "#1d3b1d")
    case .failed, .denied: return .init(fill: "#fbe9e8", stroke: "#c9302c", text: "#5a1412")
    case .error: return .init(fill: "#fbe3f0", stroke: "#a4145f", text: "#4f0a2d")
    case .canceled: return .init(fill: "#fdf1e1", stroke: "#c87f0a", text: "#5c3a05")
    case .timedOut: return .init(fill: "#fdf1e1", stroke: "#b35c00", text: "#5c3a05")
    case .running: return .init(fill: "#e6f1fa", stroke: "#0b6fb8", text: "#0b3556")
    case .waiting, .awaitingApproval:
      return .init(fill: "#eef2f6", stroke: "#5b7897", text: "#26384b")
    case .neverRun, .notRunYet: return .init(fill: "#f3f3f3", stroke: "#8a8d91", text: "#45484c")
    case .jobDeleted, .templateDeleted:
      return .init(fill: "#f3f3f3", stroke: "#5e6166", text: "#303236")
    }
  }

  /// The outline's dash pattern (SVG `stroke-dasharray`), or nil for a solid outline: the cue
  /// that tells never-run, not-yet-run and deleted nodes apart in grey print.
  package static func dash(_ state: NodeState) -> String? {
    switch state {
    case .neverRun: return "6 4"
    case .notRunYet: return "2 3"
    case .jobDeleted, .templateDeleted: return "10 3 2 3"
    default: return nil
    }
  }

  /// A symbol that tells the state without colour (print in grey, colour-blind readers).
  package static func symbol(_ state: NodeState) -> String {
    switch state {
    case .successful, .approved: return "✔"
    case .failed, .denied: return "✘"
    case .error: return "‼"
    case .canceled: return "⊘"
    case .running: return "▶"
    case .waiting, .awaitingApproval: return "…"
    case .timedOut: return "⧖"
    case .neverRun: return "–"
    case .notRunYet: return "○"
    case .jobDeleted, .templateDeleted: return "✝"
    }
  }

  /// The AWX UI's colour for an edge of `kind`.
  package static func color(_ kind: EdgeKind) -> String {
    switch kind {
    case .success: return "#5cb85c"
    case .failure: return "#d9534f"
    case .always: return "#337ab7"
    }
  }

  /// The node state whose colours and symbol show a workflow job's status.
  package static func state(of status: JobStatus) -> NodeState {
    switch status {
    case .successful: return .successful
    case .failed: return .failed
    case .error: return .error
    case .canceled: return .canceled
    case .running, .other: return .running
    case .new, .pending, .waiting: return .waiting
    }
  }
}

extension NodeState {
  /// ``Palette/symbol(_:)`` of this state.
  package var symbol: String { Palette.symbol(self) }
  /// ``Palette/colors(_:)`` of this state.
  package var colors: Palette.StateColors { Palette.colors(self) }
  /// ``Palette/dash(_:)`` of this state.
  package var dash: String? { Palette.dash(self) }
}

extension EdgeKind {
  /// ``Palette/color(_:)`` of this kind.
  package var color: String { Palette.color(self) }
}
