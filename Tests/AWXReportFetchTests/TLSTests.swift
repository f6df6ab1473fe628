import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportFetch

/// https against the fake server with a throw-away self-signed certificate for 127.0.0.1:
/// verification on by default, `--ca-cert` to trust it, `--insecure` to skip it.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
struct TLSTests {
  /// A self-signed certificate and key for IP 127.0.0.1, in a fresh temporary directory.
  static func makeCertificate() throws -> (cert: String, key: String, dir: URL) {
    let dir = FileManager.default.temporaryDirectory
      .appending(path: "awx-report-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let cert = dir.appending(path: "cert.pem").path
    let key = dir.appending(path: "key.pem").path
    let openssl = Process()
    openssl.executableURL = URL(filePath: "/usr/bin/openssl")
    openssl.arguments = [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1",
    ]
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    guard openssl.terminationStatus == 0 else {
      throw TestSetupError(message: "openssl could not make a certificate")
    }
    return (cert, key, dir)
  }

  @Test func verificationCAFileAndInsecure() throws {
    let (cert, key, dir) = try Self.makeCertificate()
    defer { try? FileManager.default.removeItem(at: dir) }
    let server = try FakeAWXServer(["--token", Fixture.token, "--tls-cert", cert, "--tls-key", key])
    let origin = try ConnectionSettings.parseHost(server.host)
    #expect(origin.scheme == "https")

    // Verification is on by default: an unknown CA is refused, without retries.
    let strict = ConnectionSettings(origin: origin, credentials: .token(Fixture.token))
    let recorder = Recorder()
    let fetcher = try Fixture.fetcher(strict, recorder)
    let error = Fixture.error { () throws(FetchError) in
      _ = try fetcher.fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    }
    guard case .tls(.get, let url, _) = error else {
      Issue.record("expected .tls, got \(String(describing: error))")
      return
    }
    #expect(url == "/api/")
    #expect(recorder.sleeps.isEmpty)

    // --ca-cert trusts it.
    let trusted = ConnectionSettings(
      origin: origin, credentials: .token(Fixture.token), caCertPath: cert)
    let snapshot = try Fixture.fetcher(trusted, Recorder())
      .fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    #expect(snapshot.host == server.host)
    #expect(snapshot.responses.count == 6)

    // --insecure skips verification.
    let insecure = ConnectionSettings(
      origin: origin, credentials: .token(Fixture.token), verifyTLS: false)
    #expect(
      try Fixture.fetcher(insecure, Recorder())
        .fetch(workflowJobID: 7, now: Fixture.now, tool: "t").responses.count == 6)
  }
}
