import AWXReportCommand
import AWXReportTestSupport
import Foundation
import Testing

/// The subcommand names registered in AWXReport.swift, from the command definitions themselves.
private let subcommandNames: [String] = AWXReport.configuration.subcommands.map {
  $0.configuration.commandName!
}

/// Runs `/bin/sh -c script` in the repository root with `awx-report` (the built binary) as $BIN.
private func shell(_ script: String, program: String = "/bin/sh") throws -> Run {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: program)
  p.arguments = ["-c", script]
  p.currentDirectoryURL = repoRoot
  var env = ProcessInfo.processInfo.environment
  env["BIN"] = try binaryURL().path
  env["MANWIDTH"] = "80"
  env["MANPAGER"] = "cat"
  env["PAGER"] = "cat"
  p.environment = env
  let out = Pipe()
  let err = Pipe()
  p.standardOutput = out
  p.standardError = err
  p.standardInput = FileHandle.nullDevice
  try p.run()
  let o = out.fileHandleForReading.readDataToEndOfFile()
  let e = err.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return Run(
    status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
    stderr: String(decoding: e, as: UTF8.self))
}

@Suite("Shipping: version, man page, completions")
struct ShipTests {
  @Test("--version prints AWXReport.version, and the Makefile reads the same one place")
  func version() throws {
    let run = try awxReport(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout == AWXReport.version + "\n")
    let make = try shell("make -s version")
    #expect(make.status == 0, "\(make.stderr)")
    #expect(make.stdout == AWXReport.version + "\n")
  }
}
