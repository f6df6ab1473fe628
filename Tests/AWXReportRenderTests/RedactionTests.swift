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
    #expect(pretty(#"{"password": "hunter2"}"#, redact: false) == "{\n  \"password\": \"hunter2\"\n}")
  }

  @Test("key matching", arguments: [
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
        == "{\n  \"z\": 1.50,\n  \"a\": -0e+3,\n  \"s\": \"a\\\"b\\\\cé\\n\\u202e\",\n  \"e\": {},\n  \"l\": []\n}")
  }

  @Test("invalid JSON is reported as such", arguments: [
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
    #expect(Redaction.compact(#"{"status": ["a", "b"], "password": "x"}"#)
      == #"{"status": ["a", "b"], "password": "$redacted$"}"#)
    #expect(Redaction.compact("not json") == "not json")
  }
}
