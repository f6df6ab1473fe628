import AWXReportAPI
import AWXReportJSON
import AWXReportModel
import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportFetch

extension FakeAWXServer {
  /// What the server counted.
  struct Stats {
    var requests: Int
    var connections: Int
    /// Every API request in order: path with query, status, SHA-256 of the body sent.
    var log: [(path: String, status: Int, sha256: String)]
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
    _ server: FakeAWXServer, credentials: Credentials = .token(token), retries: Int = 3,
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
