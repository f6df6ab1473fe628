import AWXReportJSON
import AWXReportAPI
import AWXReportModel
import Foundation
import Testing

@testable import AWXReportFetch

/// The fake AWX server (`Server/awx_server.py`) on 127.0.0.1, one process per test.
final class TestServer {
  /// What the server counted.
  struct Stats {
    var requests: Int
    var connections: Int
    /// Every API request in order: path with query, status, SHA-256 of the body sent.
    var log: [(path: String, status: Int, sha256: String)]
  }

  let port: Int
  private let process: Process
  private let https: Bool

  /// The base URL, `http://127.0.0.1:PORT` (https when started with `--tls-cert`).
  var host: String { "\(https ? "https" : "http")://127.0.0.1:\(port)" }

  /// Starts the server with `arguments` (see the script's `--help`) and waits for its port.
  init(_ arguments: [String] = []) throws {
    let script = URL(filePath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appending(path: "Server/awx_server.py")
    https = arguments.contains("--tls-cert")
    process = Process()
    // The system python starts faster than a version-manager shim found through PATH.
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
      process.executableURL = URL(filePath: "/usr/bin/python3")
      process.arguments = [script.path] + arguments
    } else {
      process.executableURL = URL(filePath: "/usr/bin/env")
      process.arguments = ["python3", script.path] + arguments
    }
    let out = Pipe()
    process.standardOutput = out
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
      process.terminate()
      throw TestServerError(message: "the server did not start: \(line)")
    }
    self.port = port
  }

  deinit {
    if process.isRunning {
      // SIGKILL: the server needs no clean shutdown, and a blocked SIGTERM must not hang us.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  /// What the server counted so far (the `/_stats` request itself is not counted).
  func stats() throws -> Stats {
    let settings = ConnectionSettings(
      origin: try ConnectionSettings.parseHost(host), credentials: .token("unused-stats"),
      verifyTLS: false)
    let response = try CurlTransport(settings: settings).send(.get("/_stats"))
    let json = try JSONParser.parse(response.body)
    let log = (json["log"]?.array ?? []).map {
      (
        path: $0["path"]?.string ?? "", status: $0["status"]?.int ?? 0,
        sha256: $0["sha256"]?.string ?? ""
      )
    }
    return Stats(
      requests: json["requests"]?.int ?? -1, connections: json["connections"]?.int ?? -1,
      log: log)
  }
}

struct TestServerError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// Collects events and sleeps (the observer and sleep closures of a fetcher).
final class Recorder: @unchecked Sendable {
  private let lock = NSLock()
  private var _events: [FetchEvent] = []
  private var _sleeps: [Double] = []

  var events: [FetchEvent] { lock.withLock { _events } }
  var sleeps: [Double] { lock.withLock { _sleeps } }

  func record(_ event: FetchEvent) { lock.withLock { _events.append(event) } }
  func sleep(_ seconds: Double) { lock.withLock { _sleeps.append(seconds) } }

  /// Every string the events carry, for secret checks.
  var eventText: String { events.map { "\($0)" }.joined(separator: "\n") }
}

/// Common test values and builders.
enum Fixture {
  static let token = "tok-7f3a9c1e5b2d4f60-SECRET"
  static let username = "auditor"
  static let password = "pw-Zq8!x2Lm-SECRET"
  static let now = Timestamp(seconds: 1_709_671_574)

  /// Settings for `server` with a token (unless `credentials` is given).
  static func settings(
    _ server: TestServer, credentials: Credentials = .token(token), retries: Int = 3,
    timeout: Double = 5, apiRoot: String? = nil, maxResponseBytes: Int = 64 << 20,
    maxPages: Int = 1000
  ) throws -> ConnectionSettings {
    ConnectionSettings(
      origin: try ConnectionSettings.parseHost(server.host), credentials: credentials,
      timeout: timeout, retries: retries, apiRoot: apiRoot, maxResponseBytes: maxResponseBytes,
      maxPages: maxPages)
  }

  /// A fetcher over libcurl that records events and sleeps instead of sleeping.
  static func fetcher(_ settings: ConnectionSettings, _ recorder: Recorder) throws -> AWXFetcher {
    AWXFetcher(
      settings: settings, transport: try CurlTransport(settings: settings),
      observer: { recorder.record($0) }, sleep: { recorder.sleep($0) }, random: { 0.5 })
  }

  /// Runs `body` and returns the `FetchError` it throws (failing the test if it does not).
  static func error(_ body: () throws(FetchError) -> Void) -> FetchError? {
    do {
      try body()
      Issue.record("expected a FetchError")
      return nil
    } catch {
      return error
    }
  }
}
