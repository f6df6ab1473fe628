import Foundation
import Testing

@testable import AWXReportFetch

/// `ConnectionSettings.resolve`: flags, environment, precedence, secrets from files, errors.
@Suite struct SettingsTests {
  func resolve(
    _ options: ConnectionOptions, _ environment: [String: String] = [:],
    secrets: [String: String] = [:]
  ) throws(FetchError) -> ConnectionSettings {
    try ConnectionSettings.resolve(options: options, environment: environment) { path in
      guard let text = secrets[path] else {
        throw SecretFile.ReadError(description: "no such file")
      }
      return text
    }
  }

  func error(
    _ options: ConnectionOptions, _ environment: [String: String] = [:],
    secrets: [String: String] = [:]
  ) -> FetchError? {
    Fixture.error { () throws(FetchError) in _ = try resolve(options, environment, secrets: secrets)
    }
  }

  @Test func hostFromFlagThenControllerThenTower() throws {
    let env = [
      "CONTROLLER_HOST": "https://c.example", "TOWER_HOST": "https://t.example",
      "CONTROLLER_TOKEN": "tok-env",
    ]
    #expect(
      try resolve(ConnectionOptions(host: "https://f.example"), env).origin.description
        == "https://f.example")
    #expect(try resolve(ConnectionOptions(), env).origin.description == "https://c.example")
    #expect(
      try resolve(ConnectionOptions(), ["TOWER_HOST": "t.example", "TOWER_TOKEN": "x"])
        .origin.description == "https://t.example")
  }

  @Test(arguments: [
    ("awx.example.com", "https://awx.example.com"),
    ("HTTPS://AWX.Example.com/", "https://awx.example.com"),
    ("http://awx.example.com:80", "http://awx.example.com"),
    ("https://awx.example.com:8443", "https://awx.example.com:8443"),
    ("127.0.0.1:8052", "https://127.0.0.1:8052"),
    ("http://[::1]:8080", "http://[::1]:8080"),
  ])
  func hostForms(input: String, origin: String) throws {
    #expect(try ConnectionSettings.parseHost(input).description == origin)
  }

  @Test func badHosts() {
    #expect(error(ConnectionOptions(token: "t")) == .missingHost)
    #expect(
      error(ConnectionOptions(host: "ftp://awx.example.com", token: "t"))
        == .invalidHost("ftp://awx.example.com", reason: "only http and https are supported"))
    #expect(
      error(ConnectionOptions(host: "file:///etc/passwd", token: "t"))
        == .invalidHost("file:///etc/passwd", reason: "only http and https are supported"))
    guard
      case .invalidHost(let shown, _) = error(
        ConnectionOptions(host: "https://admin:hunter22@awx.example.com", token: "t"))
    else {
      Issue.record("credentials in the host must be refused")
      return
    }
    #expect(shown == "https://awx.example.com")  // the refused password is not echoed
    guard
      case .invalidHost = error(
        ConnectionOptions(host: "https://awx.example.com/api/v2/", token: "t"))
    else {
      Issue.record("a path in the host must be refused")
      return
    }
    guard
      case .invalidHost = error(
        ConnectionOptions(host: "https://awx.example.com:99999", token: "t"))
    else {
      Issue.record("a bad port must be refused")
      return
    }
  }

  @Test func tokenEnvironmentOrder() throws {
    let all = [
      "CONTROLLER_HOST": "h", "CONTROLLER_OAUTH_TOKEN": "a", "CONTROLLER_TOKEN": "b",
      "TOWER_OAUTH_TOKEN": "c", "TOWER_TOKEN": "d",
    ]
    #expect(try resolve(ConnectionOptions(), all).credentials == .token("a"))
    var env = all
    env["CONTROLLER_OAUTH_TOKEN"] = ""  // empty counts as unset
    #expect(try resolve(ConnectionOptions(), env).credentials == .token("b"))
    env["CONTROLLER_TOKEN"] = nil
    #expect(try resolve(ConnectionOptions(), env).credentials == .token("c"))
    env["TOWER_OAUTH_TOKEN"] = nil
    #expect(try resolve(ConnectionOptions(), env).credentials == .token("d"))
  }

  @Test func basicAuthFromTheEnvironment() throws {
    let env = ["CONTROLLER_HOST": "h", "CONTROLLER_USERNAME": "u", "CONTROLLER_PASSWORD": "p"]
    #expect(
      try resolve(ConnectionOptions(), env).credentials == .basic(username: "u", password: "p"))
    let tower = ["TOWER_HOST": "h", "TOWER_USERNAME": "tu", "TOWER_PASSWORD": "tp"]
    #expect(
      try resolve(ConnectionOptions(), tower).credentials == .basic(username: "tu", password: "tp"))
    // In the environment a token beats a username and password.
    #expect(
      try resolve(ConnectionOptions(), env.merging(["TOWER_TOKEN": "t"]) { a, _ in a })
        .credentials == .token("t"))
  }

  @Test func flagsWinOverTheEnvironment() throws {
    let env = [
      "CONTROLLER_HOST": "env.example", "CONTROLLER_TOKEN": "env-token",
      "CONTROLLER_USERNAME": "envuser", "CONTROLLER_PASSWORD": "envpw",
      "CONTROLLER_VERIFY_SSL": "true",
    ]
    let s = try resolve(
      ConnectionOptions(host: "flag.example", token: "flag-token", insecure: true), env)
    #expect(s.origin.description == "https://flag.example")
    #expect(s.credentials == .token("flag-token"))
    #expect(!s.verifyTLS)
    // A username flag replaces the environment's token.
    let u = try resolve(ConnectionOptions(username: "flaguser", password: "flagpw"), env)
    #expect(u.credentials == .basic(username: "flaguser", password: "flagpw"))
    // ... and may take its password from the environment.
    let v = try resolve(ConnectionOptions(username: "flaguser"), env)
    #expect(v.credentials == .basic(username: "flaguser", password: "envpw"))
  }

  @Test func credentialErrors() {
    let host = ConnectionOptions(host: "h")
    #expect(error(host) == .missingCredentials)
    var o = host
    o.token = "t"
    o.username = "u"
    o.password = "p"
    #expect(error(o) == .conflictingCredentials)
    #expect(error(ConnectionOptions(host: "h", username: "u")) == .missingPassword)
    #expect(error(ConnectionOptions(host: "h", password: "p")) == .missingUsername)
    #expect(error(host, ["CONTROLLER_USERNAME": "u"]) == .missingPassword)
    #expect(error(host, ["CONTROLLER_PASSWORD": "p"]) == .missingUsername)
    #expect(
      error(ConnectionOptions(host: "h", token: "t", tokenFile: "f"), secrets: ["f": "x"])
        == .conflictingOptions("--token", "--token-file"))
  }

  @Test func secretsFromFilesAndStdin() throws {
    let secrets = ["/run/token": "tok-from-file\n", "-": "pw-from-stdin\r\n", "/empty": "\n"]
    let t = try resolve(ConnectionOptions(host: "h", tokenFile: "/run/token"), secrets: secrets)
    #expect(t.credentials == .token("tok-from-file"))
    #expect(t.warnings.isEmpty)
    let p = try resolve(
      ConnectionOptions(host: "h", username: "u", passwordFile: "-"), secrets: secrets)
    #expect(p.credentials == .basic(username: "u", password: "pw-from-stdin"))
    #expect(
      error(ConnectionOptions(host: "h", tokenFile: "/empty"), secrets: secrets)
        == .unreadableSecret(path: "/empty", reason: "it is empty"))
    #expect(
      error(ConnectionOptions(host: "h", tokenFile: "/nope"), secrets: secrets)
        == .unreadableSecret(path: "/nope", reason: "no such file"))
  }

  @Test func theRealSecretFileReader() throws {
    let path = FileManager.default.temporaryDirectory
      .appending(path: "awx-report-secret-\(UUID().uuidString)").path
    try "s3cr3t-token\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let s = try ConnectionSettings.resolve(
      options: ConnectionOptions(host: "h", tokenFile: path), environment: [:],
      readSecret: SecretFile.read)
    #expect(s.credentials == .token("s3cr3t-token"))
    #expect(throws: SecretFile.ReadError.self) { try SecretFile.read(path + ".missing") }
  }

  @Test func aNamedPipeIsReadToTheEnd() throws {
    let path = FileManager.default.temporaryDirectory
      .appending(path: "awx-report-fifo-\(UUID().uuidString)").path
    try #require(mkfifo(path, 0o600) == 0)
    defer { unlink(path) }
    // Opening a FIFO for reading waits for a writer: write from another thread.
    let writer = Thread {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else { return }
      _ = Array("fifo-token\n".utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    writer.start()
    let s = try ConnectionSettings.resolve(
      options: ConnectionOptions(host: "h", tokenFile: path), environment: [:],
      readSecret: SecretFile.read)
    #expect(s.credentials == .token("fifo-token"))
  }

  @Test func aPipeFileDescriptorIsRead() throws {
    // What `--password-file <(pass show awx)` hands over: /dev/fd/N, the read end of a pipe.
    var fds: [Int32] = [-1, -1]
    try #require(pipe(&fds) == 0)
    defer { close(fds[0]) }
    _ = Array("pipe-password\r\n".utf8).withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
    close(fds[1])
    let s = try ConnectionSettings.resolve(
      options: ConnectionOptions(host: "h", username: "u", passwordFile: "/dev/fd/\(fds[0])"),
      environment: [:], readSecret: SecretFile.read)
    #expect(s.credentials == .basic(username: "u", password: "pipe-password"))
  }

  @Test func directoriesAndOversizedFilesAreRefused() throws {
    let directory = FileManager.default.temporaryDirectory.path
    #expect(throws: SecretFile.ReadError.self) { try SecretFile.read(directory) }
    let path = FileManager.default.temporaryDirectory
      .appending(path: "awx-report-big-\(UUID().uuidString)").path
    try String(repeating: "x", count: SecretFile.maxBytes + 1)
      .write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try SecretFile.read(path)
      Issue.record("an oversized file was read")
    } catch {
      #expect("\(error)" == "larger than \(SecretFile.maxBytes) bytes")
    }
  }

  @Test func tlsVerification() throws {
    let base = ["CONTROLLER_HOST": "h", "CONTROLLER_TOKEN": "t"]
    #expect(try resolve(ConnectionOptions(), base).verifyTLS)
    #expect(try resolve(ConnectionOptions(), base).warnings.isEmpty)
    for off in ["false", "False", "0", "no", "off"] {
      let s = try resolve(
        ConnectionOptions(), base.merging(["CONTROLLER_VERIFY_SSL": off]) { _, b in b })
      #expect(!s.verifyTLS)
      #expect(s.warnings == [.tlsVerificationOff])
    }
    let tower = try resolve(
      ConnectionOptions(), base.merging(["TOWER_VERIFY_SSL": "false"]) { _, b in b })
    #expect(!tower.verifyTLS)
    #expect(
      error(ConnectionOptions(), base.merging(["CONTROLLER_VERIFY_SSL": "maybe"]) { _, b in b })
        == .invalidOption(
          name: "CONTROLLER_VERIFY_SSL", value: "maybe", reason: "expected true or false"))
  }

  @Test func warningsForSecretFlagsAndPlainHTTP() throws {
    let s = try resolve(ConnectionOptions(host: "http://awx.local", token: "t"))
    #expect(
      s.warnings == [
        .secretFlag(flag: "--token", better: "--token-file"),
        .plainHTTP(try ConnectionSettings.parseHost("http://awx.local")),
      ])
    #expect(
      s.warnings.map(\.description) == [
        "a secret given with --token can leak through shell history and the process list; "
          + "prefer --token-file or the environment",
        "http://awx.local uses plain http: the credentials travel unencrypted",
      ])
    #expect(
      SettingsWarning.tlsVerificationOff.description
        == "TLS certificate verification is off (--insecure or CONTROLLER_VERIFY_SSL=false): "
        + "the connection can be intercepted")
  }

  @Test func timeoutRetriesAndAPIRoot() throws {
    let s = try resolve(
      ConnectionOptions(
        host: "h", token: "t", caCert: "/ca.pem", timeout: 12.5, retries: 0,
        apiRoot: "/api/controller/v2"))
    #expect(s.timeout == 12.5)
    #expect(s.connectTimeout == 10)
    #expect(s.retries == 0)
    #expect(s.apiRoot == "/api/controller/v2/")
    #expect(s.caCertPath == "/ca.pem")
    let d = try resolve(ConnectionOptions(host: "h", token: "t"))
    #expect(d.timeout == 30 && d.retries == 3 && d.apiRoot == nil && d.verifyTLS)
    #expect(error(ConnectionOptions(host: "h", token: "t", timeout: 0)) != nil)
    #expect(error(ConnectionOptions(host: "h", token: "t", retries: -1)) != nil)
    #expect(error(ConnectionOptions(host: "h", token: "t", apiRoot: "api/v2")) != nil)
    #expect(error(ConnectionOptions(host: "h", token: "t", apiRoot: "https://x/api/v2/")) != nil)
  }
}
