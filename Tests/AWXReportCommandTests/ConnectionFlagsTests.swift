import AWXReportFetch
import AWXReportTestSupport
import Foundation
import Testing

@testable import AWXReportCommand

/// The connection option group: parsing, resolution, the `-v` line, and `fetch`'s use of it.
@Suite struct ConnectionFlagsTests {
  @Test func flagsBecomeOptionsAndSettings() throws {
    let flags = try ConnectionFlags.parse([
      "--host", "http://awx.local:8052", "--token", "tok-from-flag", "--timeout", "12.5",
      "--retries", "0", "--api-root", "/api/controller/v2", "-v",
    ])
    #expect(
      flags.options
        == ConnectionOptions(
          host: "http://awx.local:8052", token: "tok-from-flag", timeout: 12.5, retries: 0,
          apiRoot: "/api/controller/v2"))
    #expect(flags.verbose)
    let settings = try flags.settings(environment: ["CONTROLLER_HOST": "https://ignored.example"])
    #expect(settings.origin.description == "http://awx.local:8052")
    #expect(settings.apiRoot == "/api/controller/v2/")
    #expect(
      settings.warnings == [
        .secretFlag(flag: "--token", better: "--token-file"), .plainHTTP(settings.origin),
      ])
  }

  @Test func resolutionErrorsAreCommandErrors() throws {
    let flags = try ConnectionFlags.parse(["--token", "t", "--token-file", "f"])
    #expect(throws: CommandError.other("--token and --token-file cannot be used together")) {
      try flags.settings(environment: ["CONTROLLER_HOST": "h"])
    }
  }

  @Test func theVerboseLineNamesTheMethod() throws {
    let event = FetchEvent.request(
      method: .post, url: "/api/v2/workflow_jobs/7/cancel/", status: 202, milliseconds: 12,
      attempt: 1)
    #expect(
      try ConnectionFlags.parse(["-v"]).logLine(for: event)
        == "POST /api/v2/workflow_jobs/7/cancel/ 202 12 ms")
    let retried = FetchEvent.request(
      method: .get, url: "/api/", status: 0, milliseconds: 5, attempt: 2)
    #expect(
      try ConnectionFlags.parse(["-v"]).logLine(for: retried) == "GET /api/ - 5 ms (attempt 2)")
    #expect(try ConnectionFlags.parse([]).logLine(for: event) == nil)
  }

  @Test func fetchHelpListsEveryConnectionOptionWithItsDefaults() throws {
    let r = try awxReport(["fetch", "--help"])
    #expect(r.status == 0)
    for option in [
      "--host", "--token <token>", "--token-file", "--username", "--password <password>",
      "--password-file", "--insecure", "--ca-cert", "--timeout", "--retries", "--api-root",
      "-v, --verbose", "--depth", "--out",
    ] {
      #expect(r.stdout.contains(option), "\(option) missing from fetch --help")
    }
    #expect(r.stdout.contains("(default \(Int(ConnectionSettings.defaultTimeout))"))
    #expect(r.stdout.contains("(default \(ConnectionSettings.defaultRetries))"))
  }

  @Test func fetchReadsTheTokenFromProcessSubstitution() throws {
    guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
    let token = "tok-subst-9f8e7d6c5b4a"
    let server = try FakeAWXServer(["--nodes", "3", "--token", token])
    let out = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let bash = Process()
    bash.executableURL = URL(fileURLWithPath: "/bin/bash")
    // `<(…)` hands the binary /dev/fd/N, the read end of a pipe.
    bash.arguments = [
      "-c", #"exec "$0" fetch 7 --host "$1" --token-file <(printf '%s\n' "$2") --out "$3" -q"#,
      try binaryURL().path, server.host, token, out.path,
    ]
    let errors = Pipe()
    bash.standardError = errors
    try bash.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    bash.waitUntilExit()
    #expect(bash.terminationStatus == 0, "\(stderr)")
    #expect(tree(out)["workflow-job-7/snapshot.json"] != nil)
  }
}
