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

  @Test("Every subcommand is registered once, and the list is not empty")
  func subcommands() {
    #expect(subcommandNames.count >= 11)
    #expect(Set(subcommandNames).count == subcommandNames.count)
  }

  @Test("bash completion offers every subcommand")
  func bashCompletion() throws {
    let run = try shell(
      """
      source <("$BIN" --generate-completion-script bash) || exit 9
      COMP_WORDS=(awx-report "")
      COMP_CWORD=1
      COMP_LINE="awx-report "
      COMP_POINT=${#COMP_LINE}
      _awx-report awx-report "" awx-report || true
      printf '%s\\n' "${COMPREPLY[@]}"
      """, program: "/bin/bash")
    #expect(run.status == 0, "\(run.stderr)")
    let offered = Set(run.stdout.split(separator: "\n").map(String.init))
    for name in subcommandNames {
      #expect(offered.contains(name), "bash completion lacks \(name): \(offered.sorted())")
    }
  }

  @Test("zsh and fish completion scripts name every subcommand", arguments: ["zsh", "fish"])
  func otherShells(shell name: String) throws {
    let run = try awxReport(["--generate-completion-script", name])
    #expect(run.status == 0)
    for sub in subcommandNames {
      #expect(run.stdout.contains(sub), "\(name) completion lacks \(sub)")
    }
  }

  @Test("The man page generated from the command definitions renders with man -l")
  func manPage() throws {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("awx-report-man-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("awx-report.1").path
    let generate = try shell(
      "\"$BIN\" --experimental-dump-help | python3 Scripts/make-manpage.py \"$(make -s version)\" > '\(page)'"
    )
    #expect(generate.status == 0, "\(generate.stderr)")
    let render = try shell("man -l '\(page)'")
    #expect(render.status == 0, "\(render.stderr)")
    #expect(!render.stderr.contains("warning"), "\(render.stderr)")
    let text = render.stdout
    for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SUBCOMMANDS"] {
      #expect(text.contains("\n" + heading + "\n"), "no \(heading) section")
    }
    #expect(text.contains("awx-report " + AWXReport.version))
    #expect(text.contains("--version"))
    for sub in subcommandNames {
      #expect(text.contains("awx-report " + sub), "man page lacks \(sub)")
    }
  }
}
