import Foundation
import Testing

/// Compares `text` with `Golden/<name>` next to the calling source file; records it when
/// missing or when RECORD_GOLDEN is set (and fails, so a recording never passes silently).
/// Review with `git diff Tests`.
package func assertGolden(
  _ text: String, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = fixtureURL(name, directory: "Golden", filePath: filePath)
  let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil
  guard !record, let expected = FileManager.default.contents(atPath: url.path) else {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    Issue.record("Recorded new baseline \(name)", sourceLocation: sourceLocation)
    return
  }
  let expectedText = String(decoding: expected, as: UTF8.self)
  if expectedText != text {
    let a = expectedText.split(separator: "\n", omittingEmptySubsequences: false)
    let b = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = Array(zip(a, b)).firstIndex(where: { $0 != $1 }) ?? min(a.count, b.count)
    Issue.record(
      "\(name) differs from the golden file at line \(line + 1):\n- \(line < a.count ? a[line] : "")\n+ \(line < b.count ? b[line] : "")",
      sourceLocation: sourceLocation)
  }
}
