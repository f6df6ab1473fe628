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

/// Runs the real binary with `arguments`, in `cwd`, with `environment` added.
func awxReport(
  _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil
) throws -> Run {
  let p = Process()
  p.executableURL = try binaryURL()
  p.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  env.removeValue(forKey: "SOURCE_DATE_EPOCH")
  for (k, v) in environment { env[k] = v }
  p.environment = env
  let out = Pipe()
  let err = Pipe()
  let input = Pipe()
  p.standardOutput = out
  p.standardError = err
  p.standardInput = input
  try p.run()
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  let o = out.fileHandleForReading.readDataToEndOfFile()
  let e = err.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return Run(
    status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
    stderr: String(decoding: e, as: UTF8.self))
}
