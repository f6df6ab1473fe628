#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Reads secrets (a token or a password) from a file or stdin, so they stay out of shell history
/// and the process list. Pass `SecretFile.read` as `readSecret` to
/// `ConnectionSettings.resolve(options:environment:readSecret:)`.
///
/// Besides regular files it reads pipes: a named pipe (`mkfifo`) and process substitution
/// (`--token-file <(pass show awx)`, which the shell passes as `/dev/fd/N`). Everything is read
/// the same way, with `read(2)` until end of file, so a pipe's unknown size does not matter.
package enum SecretFile {
  /// Why a secret could not be read. The text never contains the secret.
  package struct ReadError: Error, CustomStringConvertible {
    /// What went wrong.
    package var description: String
  }

  /// The largest secret file read, in bytes.
  package static let maxBytes = 64 * 1024

  /// The contents of `path` as UTF-8, or all of stdin for `-`.
  /// - Throws: `ReadError` when the path cannot be opened or is a directory, the contents are
  ///   larger than `maxBytes`, or not UTF-8.
  package static func read(_ path: String) throws -> String {
    let bytes: [UInt8]
    if path == "-" {
      bytes = try readAll(STDIN_FILENO)
    } else {
      // Opening a named pipe waits for its writer, as `cat` would.
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { throw ReadError(description: "no such readable file") }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0, info.st_mode & mode_t(S_IFMT) != mode_t(S_IFDIR) else {
        throw ReadError(description: "no such readable file")
      }
      bytes = try readAll(fd)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ReadError(description: "not UTF-8 text")
    }
    return text
  }

  /// Everything `fd` gives until end of file, refusing more than `maxBytes`.
  private static func readAll(_ fd: Int32) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw ReadError(description: "no such readable file")
      }
      guard count > 0 else { return bytes }
      bytes += chunk[..<count]
      guard bytes.count <= maxBytes else {
        throw ReadError(description: "larger than \(maxBytes) bytes")
      }
    }
  }
}

/// read(2), named apart from `SecretFile.read`.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
