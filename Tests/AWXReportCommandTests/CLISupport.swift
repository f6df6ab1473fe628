import AWXReportTestSupport
import Foundation

/// The `awx-report` binary built next to the test bundle.
func binaryURL() throws -> URL {
  var dirs: [URL] = []
  if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
  dirs.append(Bundle.main.bundleURL.deletingLastPathComponent())
  dirs.append(Bundle.main.bundleURL)
  for d in dirs {
    let candidate = d.appendingPathComponent("awx-report")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
  }
  throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "awx-report next to \(dirs)"])
}

struct Run {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs the real binary with `arguments`, with `environment` added and `stdin` as its input.
/// stdout and stderr go to files, not pipes: a command that writes more than a pipe holds to
/// one of them (a watch logs a line per change) would otherwise block while the other is read.
func awxReport(
  _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil
) throws -> Run {
  let dir = try temporaryDirectory(prefix: "awx-report-run")
  defer { try? FileManager.default.removeItem(at: dir) }
  let outURL = dir.appendingPathComponent("out")
  let errURL = dir.appendingPathComponent("err")
  _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
  _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
  let out = try FileHandle(forWritingTo: outURL)
  let err = try FileHandle(forWritingTo: errURL)
  let p = Process()
  p.executableURL = try binaryURL()
  p.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  env.removeValue(forKey: "SOURCE_DATE_EPOCH")
  for (k, v) in environment { env[k] = v }
  p.environment = env
  let input = Pipe()
  p.standardOutput = out
  p.standardError = err
  p.standardInput = input
  try p.run()
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  p.waitUntilExit()
  try out.close()
  try err.close()
  return Run(
    status: p.terminationStatus,
    stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
    stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}
