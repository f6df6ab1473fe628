import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Publishes a report directory atomically: every file is written into a hidden temporary
/// directory next to the destination, then renamed into place in one step. A failure at any
/// point leaves no partial directory behind.
struct OutputDirectory {
  /// The parent directory (`--out`).
  let parent: URL
  /// The final directory's name, e.g. `workflow-job-4711`.
  let name: String

  /// The final path.
  var finalURL: URL { parent.appendingPathComponent(name, isDirectory: true) }

  /// Writes `files` (name → bytes) as the directory's whole content, replacing any earlier one.
  /// - Throws: `CommandError.writeFailed`.
  func publish(_ files: [(name: String, bytes: [UInt8])]) throws(CommandError) {
    let fm = FileManager.default
    let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let staging = parent.appendingPathComponent(".\(name).tmp-\(token)", isDirectory: true)
    let retired = parent.appendingPathComponent(".\(name).old-\(token)", isDirectory: true)
    do {
      try fm.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw .writeFailed(path: parent.path, reason: Self.reason(error))
    }
    do {
      try fm.createDirectory(at: staging, withIntermediateDirectories: false)
      for file in files {
        let url = staging.appendingPathComponent(file.name)
        // Straight from the array: `Data(bytes)` would copy each file first (29 MB for the
        // snapshot of a 10,000-node run). Should the direct write fail, Foundation's write
        // runs instead, for the same error as before.
        if !Self.writeFile(file.bytes, to: url.path) { try Data(file.bytes).write(to: url) }
      }
      var hadOld = false
      if fm.fileExists(atPath: finalURL.path) {
        try fm.moveItem(at: finalURL, to: retired)
        hadOld = true
      }
      do {
        try fm.moveItem(at: staging, to: finalURL)
      } catch {
        if hadOld { try? fm.moveItem(at: retired, to: finalURL) }
        throw error
      }
      if hadOld { try? fm.removeItem(at: retired) }
    } catch {
      try? fm.removeItem(at: staging)
      throw .writeFailed(path: finalURL.path, reason: Self.reason(error))
    }
  }

  /// Creates `path` (mode 0666 less the umask, as `Data.write` does) holding `bytes`;
  /// false on any error, with nothing left at `path`.
  private static func writeFile(_ bytes: [UInt8], to path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard fd >= 0 else { return false }
    let written = bytes.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return false }
        offset += n
      }
      return true
    }
    let closed = close(fd) == 0
    if !(written && closed) { unlink(path) }
    return written && closed
  }

  private static func reason(_ error: Error) -> String {
    errorReason(error)
  }
}
