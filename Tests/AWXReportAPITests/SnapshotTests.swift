import AWXReportAPI
import AWXReportJSON
import AWXReportModel
import AWXReportTestSupport
import Testing

@Suite struct SnapshotTests {
  @Test func roundTripKeepsBodiesByteForByte() throws {
    let odd: [UInt8] = [0xFF, 0x00, 0x7B, 0x0A]  // not UTF-8: stored as base64
    let text = bytes("{\"id\": 1,\n \"name\": \"caf\u{e9}\"}  \n")
    let s = snapshot(9, [(.workflowJob, text), (.labels, odd)])
    let encoded = s.encoded()
    let back = try Snapshot.decode(encoded, source: "s.json")
    #expect(back == s)
    #expect(back.responses[0].body == text)
    #expect(back.responses[1].body == odd)
    #expect(back.encoded() == encoded)
  }

  @Test func alteredBodyIsDetected() throws {
    let s = snapshot(9, [(.workflowJob, bytes("{\"id\":9}"))])
    let text = String(decoding: s.encoded(), as: UTF8.self).replacingOccurrences(
      of: #""body": "{\"id\":9}""#, with: #""body": "{\"id\":8}""#)
    #expect(
      throws: APIError.shape(
        source: "s.json", path: "responses[0].sha256",
        message: "the body does not match its SHA-256 (the snapshot was altered)")
    ) {
      try Snapshot.decode(bytes(text), source: "s.json")
    }
  }

  @Test func notASnapshot() {
    #expect(throws: APIError.shape(source: "x.json", path: "format", message: "missing")) {
      try Snapshot.decode(bytes("{\"id\": 3}"), source: "x.json")
    }
    do {
      _ = try Snapshot.decode(
        bytes("{\"format\": \"awx-report-snapshot\", \"format_v"), source: "t.json")
      Issue.record("truncated snapshot decoded")
    } catch {
      #expect(error.description.hasPrefix("t.json: invalid JSON at line 1, column "))
    }
  }
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    var out = ""
    var rest = Substring(self)
    while let r = rest.range(of: target) {
      out += rest[..<r.lowerBound]
      out += replacement
      rest = rest[r.upperBound...]
    }
    return out + rest
  }
}

extension Substring {
  func range(of target: String) -> Range<Index>? {
    guard !target.isEmpty else { return nil }
    var i = startIndex
    while i < endIndex {
      if self[i...].hasPrefix(target) { return i..<index(i, offsetBy: target.count) }
      i = index(after: i)
    }
    return nil
  }
}
