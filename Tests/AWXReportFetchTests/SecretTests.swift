import AWXReportAPI
import AWXReportTestSupport
import Testing

@testable import AWXReportFetch

/// The token and the password never appear in a snapshot, an error or an event.
@Suite struct SecretTests {
  static let basic = Credentials.basic(username: Fixture.username, password: Fixture.password)
  static let basicHeader = Base64.encode(Array("\(Fixture.username):\(Fixture.password)".utf8))

  func assertNoSecret(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for secret in [Fixture.token, Fixture.password, Self.basicHeader] {
      #expect(!text.contains(secret), "secret leaked", sourceLocation: sourceLocation)
    }
  }

  @Test func aFullFetchWithRetriesLeaksNothing() throws {
    for (credentials, flags) in [
      (Credentials.token(Fixture.token), ["--token", Fixture.token]),
      (Self.basic, ["--username", Fixture.username, "--password", Fixture.password]),
    ] {
      let server = try FakeAWXServer(
        flags + [
          "--nodes", "8", "--approvals", "1", "--nested", "1",
          "--faults", #"[{"kind": "status", "code": 502, "match": "unified_jobs", "count": 1}]"#,
        ])
      let recorder = Recorder()
      let snapshot = try Fixture.fetcher(
        try Fixture.settings(server, credentials: credentials), recorder
      ).fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
      assertNoSecret(String(decoding: snapshot.encoded(), as: UTF8.self))
      assertNoSecret(recorder.eventText)
      assertNoSecret("\(snapshot)")
      #expect(recorder.sleeps.count == 1)
    }
  }

  @Test func anErrorEchoingTheAuthorizationHeaderIsScrubbed() throws {
    for (credentials, flags) in [
      (Credentials.token(Fixture.token), ["--token", Fixture.token]),
      (Self.basic, ["--username", Fixture.username, "--password", Fixture.password]),
    ] {
      let server = try FakeAWXServer(
        flags + ["--faults", #"[{"kind": "echo_auth", "match": "workflow_nodes"}]"#])
      let recorder = Recorder()
      let fetcher = try Fixture.fetcher(
        try Fixture.settings(server, credentials: credentials), recorder)
      let error = Fixture.error { () throws(FetchError) in
        _ = try fetcher.fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
      }
      let text = error?.description ?? ""
      #expect(
        text.hasPrefix("HTTP 401 Unauthorized for GET /api/v2/workflow_jobs/7/workflow_nodes/"))
      #expect(text.contains("<redacted>"))
      assertNoSecret(text)
      assertNoSecret("\(String(describing: error))")
      assertNoSecret(recorder.eventText)
    }
  }

  @Test func aResponseContainingTheSecretIsRefused() throws {
    let server = try FakeAWXServer([
      "--token", Fixture.token, "--faults", #"[{"kind": "echo_secret", "match": "labels"}]"#,
    ])
    let fetcher = try Fixture.fetcher(try Fixture.settings(server), Recorder())
    let error = Fixture.error { () throws(FetchError) in
      _ = try fetcher.fetch(workflowJobID: 7, now: Fixture.now, tool: "t")
    }
    #expect(error == .secretInResponse(url: "/api/v2/workflow_jobs/7/labels/?page_size=200"))
  }

  @Test func printingSettingsShowsNoSecret() throws {
    for credentials in [Credentials.token(Fixture.token), Self.basic] {
      let settings = ConnectionSettings(
        origin: try ConnectionSettings.parseHost("awx.example.com"), credentials: credentials)
      var dumped = ""
      dump(settings, to: &dumped)
      assertNoSecret("\(settings) \(String(reflecting: settings)) \(dumped)")
    }
  }

  @Test func scrubberReplacesEverySecretForm() {
    let scrubber = SecretScrubber(Self.basic)
    let text = "a \(Fixture.password) b Basic \(Self.basicHeader) c"
    #expect(scrubber.scrub(text) == "a <redacted> b Basic <redacted> c")
  }
}

extension SecretTests {
  @Test func aShortPasswordInABodyIsNotRefused() {
    // "admin" appears in ordinary AWX data (launched_by.name); only long secrets are refused.
    let scrubber = SecretScrubber(.basic(username: "admin", password: "admin"))
    #expect(!scrubber.appears(in: Array(#"{"launched_by": {"name": "admin"}}"#.utf8)))
    let long = SecretScrubber(.token(Fixture.token))
    #expect(long.appears(in: Array("x \(Fixture.token) y".utf8)))
    #expect(!long.appears(in: Array("x y".utf8)))
  }
}
