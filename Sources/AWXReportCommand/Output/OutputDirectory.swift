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
        try Data(file.bytes).write(to: url)
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

  private static func reason(_ error: Error) -> String {
    errorReason(error)
  }
}
