/// The colours of a diff's union graph and tables, one per ``RunDiff/Change``: what changed
/// stands out, what did not is greyed. `diff.html` repeats them in its CSS for the tables.
package enum DiffPalette {
  package static func colors(_ change: String) -> Palette.StateColors {
    switch change {
    case "state-changed": return .init(fill: "#ffebe9", stroke: "#cf222e", text: "#6e1016")
    case "slower": return .init(fill: "#fff1e5", stroke: "#bc4c00", text: "#5c2500")
    case "faster": return .init(fill: "#dafbe1", stroke: "#1a7f37", text: "#0f3d1d")
    case "added": return .init(fill: "#ddf4ff", stroke: "#0969da", text: "#0a3069")
    case "removed": return .init(fill: "#f6f8fa", stroke: "#6e7781", text: "#57606a")
    case "changed": return .init(fill: "#fbefff", stroke: "#8250df", text: "#3e1f79")
    default: return .init(fill: "#f6f8fa", stroke: "#d0d7de", text: "#8c959f")
    }
  }

  /// Removed nodes get a dashed outline, so the kind reads in grey print too.
  package static func dash(_ change: String) -> String? {
    change == "removed" ? "6 4" : nil
  }
}
