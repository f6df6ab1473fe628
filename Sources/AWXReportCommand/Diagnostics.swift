#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Writes to stderr: errors, warnings, progress. stdout carries results only.
enum Diagnostics {
  /// One error: its first line after `awx-report: error: `, any further lines (a template's
  /// source line and caret) as they are.
  static func error(_ message: String) {
    var lines = message.split(separator: "\n", omittingEmptySubsequences: false)
    while lines.count > 1 && lines.last?.isEmpty == true { lines.removeLast() }
    guard let first = lines.first else { return }
    write("awx-report: error: \(first)\n")
    for line in lines.dropFirst() { write("\(line)\n") }
  }

  /// Reports a command error in its own format: SVG findings are already
  /// `file:line:column: error: message` lines, like a compiler's.
  static func report(_ error: CommandError) {
    if case .invalidSVG(let lines) = error {
      for line in lines { write("\(line)\n") }
    } else {
      self.error(error.description)
    }
  }

  static func warning(_ message: String) { write("awx-report: warning: \(message)\n") }

  static func note(_ message: String) { write("\(message)\n") }

  /// Whether stderr is a terminal (progress lines are only drawn there).
  static var stderrIsTerminal: Bool { isatty(2) == 1 }

  /// Rewrites the current terminal line.
  static func progress(_ text: String) { write("\r\u{1B}[K\(text)") }

  static func endProgress() { write("\r\u{1B}[K") }

  static func write(_ s: String) {
    var bytes = Array(s.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buf -> Int in
        guard let base = buf.baseAddress else { return 0 }
        return Glibc.write(2, base + offset, buf.count - offset)
      }
      if n <= 0 { break }
      offset += n
    }
  }
}

/// Writes results to stdout.
enum Output {
  static func line(_ s: String) {
    print(s)
  }

  static func write(_ s: String) {
    print(s, terminator: "")
  }
}
