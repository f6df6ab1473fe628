import AWXReportAPI
import AWXReportModel
import AWXReportRender
import AWXReportTestSupport
import Foundation
import Testing

/// The bundled example, decoded and analysed.
func exampleTree() throws -> AnalyzedRun {
  let data = try #require(FileManager.default.contents(atPath: examplePath))
  return try AnalyzedRun(
    RunDecoder.decode(
      try Snapshot.decode([UInt8](data), source: examplePath), fileName: examplePath))
}

/// Runs `dot -T<format>` on `input`; nil when Graphviz is not installed.
func runDot(_ input: String, format: String = "svg") throws -> (
  status: Int32, output: String, errors: String
)? {
  let candidates = ["/usr/bin/dot", "/usr/local/bin/dot"]
  guard let dot = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
  else {
    return nil
  }
  let p = Process()
  p.executableURL = URL(fileURLWithPath: dot)
  p.arguments = ["-T\(format)"]
  let stdin = Pipe()
  let stdout = Pipe()
  let stderr = Pipe()
  p.standardInput = stdin
  p.standardOutput = stdout
  p.standardError = stderr
  try p.run()
  stdin.fileHandleForWriting.write(Data(input.utf8))
  try stdin.fileHandleForWriting.close()
  let out = stdout.fileHandleForReading.readDataToEndOfFile()
  let err = stderr.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (
    p.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self)
  )
}

/// A run whose every text field is hostile.
func hostileRun() -> WorkflowRun {
  let evil =
    "x\" ] ; y -> z [label=\"pwn\\\" <b>&amp;</b> ]]> \u{202E}evil\u{202C} {{mustache}} <script>alert(1)</script>\nsecond line\u{07}"
  let nodes = [
    WorkflowNode(
      id: 1, identifier: evil, templateID: 1, templateName: evil, jobType: .job,
      jobID: 10, job: ChildJob(id: 10, type: .job, name: evil, status: .failed), successNodes: [2],
      failureNodes: [3]),
    WorkflowNode(
      id: 2, identifier: String(repeating: "長い名前", count: 1250), templateID: 2,
      jobType: .job, doNotRun: true),
    WorkflowNode(
      id: 3, identifier: "\\N \\G \\L", templateID: 3, jobType: .systemJob,
      jobID: 11, job: ChildJob(id: 11, type: .systemJob, name: "c", status: .successful),
      allParentsMustConverge: true),
  ]
  return WorkflowRun(
    job: WorkflowJob(
      id: 66, name: evil, status: .failed, explanation: evil,
      extraVars: "{\"k\": \"\(evil.replacingOccurrences(of: "\"", with: "\\\""))\"}"),
    nodes: nodes)
}
