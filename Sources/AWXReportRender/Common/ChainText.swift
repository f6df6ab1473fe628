/// A chain of names as one line, "a → b → … 12 more … → y → z": the way summary.md and the
/// page write a path or the critical path.
enum ChainText {
  /// `names` joined with " → "; when there are more than `longerThan` (by default `keep`),
  /// only the first and last of `keep` names stay, around "… N more …".
  static func joined(_ names: [String], keep: Int, longerThan: Int? = nil) -> String {
    guard names.count > (longerThan ?? keep) else { return names.joined(separator: " → ") }
    let head = keep / 2
    let tail = keep - head
    return
      (names.prefix(head) + ["… \(MarkdownEscaping.grouped(names.count - keep)) more …"]
      + names.suffix(tail)).joined(separator: " → ")
  }
}
