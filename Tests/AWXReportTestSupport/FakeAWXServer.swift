import Foundation

/// The fake AWX server (`Tests/AWXReportFetchTests/Server/awx_server.py`) on 127.0.0.1, one
/// process per test; killed when released.
package final class FakeAWXServer {
  /// The script, in the repository.
  package static let script = repoRoot.appendingPathComponent(
    "Tests/AWXReportFetchTests/Server/awx_server.py")

  package let port: Int
  private let process: Process
  private let https: Bool

  /// The base URL, `http://127.0.0.1:PORT` (https when started with `--tls-cert`).
  package var host: String { "\(https ? "https" : "http")://127.0.0.1:\(port)" }

  /// Starts the server with `arguments` (see the script's `--help`) and waits for its port.
  /// With `discardingErrors` the server's stderr goes to /dev/null instead of the test log.
  package init(_ arguments: [String] = [], discardingErrors: Bool = false) throws {
    https = arguments.contains("--tls-cert")
    process = Process()
    // The system python starts faster than a version-manager shim found through PATH.
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
      process.arguments = [Self.script.path] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", Self.script.path] + arguments
    }
    let out = Pipe()
    process.standardOutput = out
    if discardingErrors { process.standardError = FileHandle.nullDevice }
    try process.run()
    var data = Data()
    while !data.contains(UInt8(ascii: "\n")) {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      data.append(chunk)
    }
    let line = String(decoding: data, as: UTF8.self)
    guard line.hasPrefix("PORT "),
      let port = Int(line.dropFirst(5).prefix(while: { $0.isNumber }))
    else {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw TestSetupError(message: "the server did not start: \(line)")
    }
    self.port = port
  }

  deinit {
    if process.isRunning {
      // SIGKILL: the server needs no clean shutdown, and a child of the test runner may
      // inherit a mask that blocks SIGTERM.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }
}

/// Why a test helper could not set something up.
package struct TestSetupError: Error, CustomStringConvertible {
  package var message: String
  package init(message: String) { self.message = message }
  package var description: String { message }
}
