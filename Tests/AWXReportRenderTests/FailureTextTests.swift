import AWXReportModel
import AWXReportRender
import Testing

/// The drill-down's texts as every output receives them.
@Suite struct FailureTextTests {
  @Test func ansiLineEndsSecretsAndLengthAreHandledOnce() {
    let task = FailedTask(
      counter: 1, event: "runner_on_failed", host: "\u{1B}[31mweb1\u{1B}[0m", task: "Migrate",
      message: "failed: password=hunter2 rejected", stderr: "a\r\nb\u{1B}[0m",
      stdout: String(repeating: "x", count: 5000))
    let detail = JobFailureDetail(
      jobID: 1, failedTasks: [task], hosts: [HostSummary(host: "\u{1B}[1mweb1", failures: 1)],
      outputTail: ["\u{1B}[0;31mfatal: token=abc\u{1B}[0m"])
    let d = FailureText.cleaned(detail, redact: true)
    let t = d.failedTasks[0]
    #expect(t.host == "web1")
    #expect(t.message == "failed: password=$redacted$ rejected")
    #expect(t.stderr == "a\nb")
    #expect(t.stdout.count == FailureText.excerptLimit && t.stdout.hasSuffix("…"))
    #expect(d.hosts[0].host == "web1")
    #expect(d.outputTail == ["fatal: token=$redacted$"])
    // --no-redact keeps the values but still strips the escapes.
    let plain = FailureText.cleaned(detail, redact: false)
    #expect(plain.failedTasks[0].message.contains("hunter2"))
    #expect(plain.outputTail == ["fatal: token=abc"])
  }

  @Test func oneLineSaysCensoredAndUnreachable() {
    #expect(
      FailureText.oneLine(
        FailedTask(counter: 1, event: "runner_on_failed", host: "h", task: "T", censored: true))
        == "T on h: (censored by AWX: no_log)")
    #expect(
      FailureText.oneLine(
        FailedTask(
          counter: 1, event: "runner_on_unreachable", host: "db", task: "Facts",
          message: "ssh\nrefused", unreachable: true)) == "db unreachable: ssh refused")
  }
}
