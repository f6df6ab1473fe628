import AWXReportCommand
import Foundation
import Testing

/// The command module no longer imports Foundation (it would link ICU's data into the binary);
/// these check that its replacements give what Foundation's calls gave.
@Suite("Foundation replacements")
struct PlatformTests {
  @Test(
    "appendingPathComponent joins as NSString does",
    arguments: [
      ("output", "workflow-job-1"), ("output/", "x"), ("output//", "x"), ("/", "x"),
      ("", "x"), (".", "a.json"), ("/tmp/out", "graph.svg"), ("a b/ü", "é.html"),
    ])
  func join(base: String, component: String) {
    #expect(
      appendingPathComponent(base, component)
        == (base as NSString).appendingPathComponent(component))
  }

  @Test(
    "trimmingBlanks trims what CharacterSet.whitespaces(AndNewlines) holds",
    arguments: [
      "", " ", "  a b  ", "\ta\t", "\u{00A0}x\u{3000}", "\n x \r\n", "x\u{2028}", "\u{85}y",
      "\u{200B}z", " \u{301}a", "é ", "a\u{000B}", "\u{1680}\u{180E}\u{202F}\u{205F}\u{FEFF}",
      "\u{200C}x\u{2009}",
    ])
  func trim(text: String) {
    #expect(text.trimmingBlanks() == text.trimmingCharacters(in: .whitespaces))
    #expect(
      text.trimmingBlanks(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(
      text.dropFirst(0).trimmingBlanks() == text.dropFirst(0).trimmingCharacters(in: .whitespaces))
  }

  @Test("errorReason words file system errors as Foundation's localizedDescription does")
  func reason() throws {
    let cases = [
      "/nonexistent-\(UUID().uuidString)/x", "/etc/passwd/x", "/dev/null/x", "/",
    ]
    for path in cases {
      do {
        try FileManager.default.createDirectory(
          at: URL(fileURLWithPath: path), withIntermediateDirectories: false)
        Issue.record("created \(path)")
      } catch {
        #expect(errorReason(error) == (error as NSError).localizedDescription, "\(path)")
      }
      do {
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        Issue.record("wrote \(path)")
      } catch {
        #expect(errorReason(error) == (error as NSError).localizedDescription, "\(path)")
      }
    }
  }

  @Test("isDirectory follows the file system")
  func directory() {
    #expect(isDirectory("/"))
    #expect(!isDirectory("/etc/passwd"))
    #expect(!isDirectory("/nonexistent-\(UUID().uuidString)"))
  }

  @Test("awx-report links FoundationEssentials only, not Foundation and its ICU data")
  func noFoundation() throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
    p.arguments = [try binaryURL().path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    for library in [
      "libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU",
    ] {
      #expect(!text.contains(library), "awx-report links \(library)")
    }
  }
}
