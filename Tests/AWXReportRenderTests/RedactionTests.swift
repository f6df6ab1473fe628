import AWXReportModel
import Testing

@testable import AWXReportRender

@Suite("Redaction")
struct RedactionTests {
  func pretty(_ text: String, redact: Bool = true) -> String? {
    if case .json(let s) = Redaction.format(text, redact: redact) { return s }
    return nil
  }

  @Test("secret-looking keys are masked at any depth, in objects and lists")
  func nested() {
    let text = """
      {"a": 1, "DB_Password": "x", "deep": {"list": [{"api-key": "k", "ok": "v"}, "plain"]},
       "Private_Key": {"pem": "-----BEGIN"}, "tokens": ["t1", "t2"], "name": "n"}
      """
    #expect(
      pretty(text) == """
        {
          "a": 1,
          "DB_Password": "$redacted$",
          "deep": {
            "list": [
              {
                "api-key": "$redacted$",
                "ok": "v"
              },
              "plain"
            ]
          },
          "Private_Key": "$redacted$",
          "tokens": "$redacted$",
          "name": "n"
        }
        """)
  }

  @Test("$encrypted$ is kept; empty values stay empty")
  func encrypted() {
    #expect(
      pretty(#"{"password": "$encrypted$", "secret": "", "token": null}"#)
        == "{\n  \"password\": \"$encrypted$\",\n  \"secret\": \"\",\n  \"token\": null\n}")
  }

  @Test("redaction can be turned off")
  func off() {
    #expect(
      pretty(#"{"password": "hunter2"}"#, redact: false) == "{\n  \"password\": \"hunter2\"\n}")
  }

  @Test(
    "key matching",
    arguments: [
      ("password", true), ("db_passwd", true), ("SSH_KEY_DATA", true), ("ApiKey", true),
      ("aws_secret_access_key", true), ("vault_credential", true), ("github-token", true),
      ("replicas", false), ("keyboard", false), ("author", false), ("monkey", false),
    ])
  func keys(key: String, secret: Bool) {
    #expect(Redaction.isSecretKey(key) == secret)
  }

  @Test("keys keep their order; numbers keep their spelling; escapes survive")
  func formatting() {
    #expect(
      pretty(#"{"z": 1.50, "a": -0e+3, "s": "a\"b\\c\u00e9\n\u202e", "e": {}, "l": []}"#)
        == "{\n  \"z\": 1.50,\n  \"a\": -0e+3,\n  \"s\": \"a\\\"b\\\\cé\\n\\u202e\",\n  \"e\": {},\n  \"l\": []\n}"
    )
  }

  @Test(
    "invalid JSON is reported as such",
    arguments: [
      "", "{", "{'a': 1}", "[1,]", "{\"a\" 1}", "01", "\"\\x\"", "nul", "{} x",
    ])
  func invalid(text: String) {
    #expect(Redaction.format(text) == .invalid(text))
  }

  @Test("deep nesting is refused, not a crash")
  func deep() {
    let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(Redaction.format(text) == .invalid(text))
  }

  @Test("compact form for activity changes")
  func compact() {
    #expect(
      Redaction.compact(#"{"status": ["a", "b"], "password": "x"}"#)
        == #"{"status": ["a", "b"], "password": "$redacted$"}"#)
    #expect(Redaction.compact("not json") == "not json")
  }
}

@Suite struct RedactionTextTests {
  @Test(arguments: [
    (
      "deploy failed: password=hunter2 was rejected",
      "deploy failed: password=$redacted$ was rejected"
    ),
    ("vault_pass: s3cret\nregion: eu", "vault_pass: $redacted$\nregion: eu"),
    (
      #"{"cmd": "mysql password=secret", "rc": 1"#, #"{"cmd": "mysql password=$redacted$", "rc": 1"#
    ),
    (#"Task failed: {"password": "abc"} more"#, #"Task failed: {"password": "$redacted$"} more"#),
    ("API-Key=k1&user=bob", "API-Key=$redacted$&user=bob"),
    ("password=pa\"ss word", "password=$redacted$ word"),
    ("token: $encrypted$", "token: $encrypted$"),
    ("nothing to hide here", "nothing to hide here"),
  ])
  func freeText(input: String, expected: String) {
    #expect(Redaction.text(input) == expected)
  }

  @Test func jsonInsideJSONStrings() {
    let masked = Redaction.text(#"{"extra_vars": "{\"db_password\": \"x1\", \"app\": \"web\"}"}"#)
    #expect(!masked.contains("x1"))
    #expect(masked.contains("web"))
  }

  @Test func runTextsAreAllMasked() {
    var run = WorkflowRun(
      job: WorkflowJob(
        id: 1, name: "deploy token=N1", status: .failed, explanation: "password: E1",
        extraVars: #"{"secret": "V1"}"#, limit: "api_key=L1"),
      nodes: [
        WorkflowNode(
          id: 2, identifier: "id passwd=I1", templateID: 1, jobID: 3,
          job: ChildJob(id: 3, type: .job, name: "j", status: .failed, explanation: "token=C1"),
          extraData: #"{"ssh_key": "D1"}"#)
      ])
    run.activity = [
      ActivityEntry(
        id: 1, timestamp: nil, actor: nil, operation: "update",
        changes: #"{"extra_vars": "{\"password\": \"A1\"}"}"#)
    ]
    run.notifications = [
      NotificationRecord(id: 1, type: "email", status: "failed", error: "auth token: M1")
    ]
    let text = "\(Redaction.run(run))"
    for secret in ["N1", "E1", "V1", "L1", "I1", "C1", "D1", "A1", "M1"] {
      #expect(
        !text.contains("\"\(secret)") && !text.contains("=\(secret)")
          && !text.contains(" \(secret)"), "\(secret)")
    }
  }
}
