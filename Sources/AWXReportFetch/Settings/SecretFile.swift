import FoundationEssentials

/// Reads secrets (a token or a password) from a file or stdin, so they stay out of shell history
/// and the process list. Pass `SecretFile.read` as `readSecret` to
/// `ConnectionSettings.resolve(options:environment:readSecret:)`.
package enum SecretFile {
  /// Why a secret could not be read. The text never contains the secret.
  package struct ReadError: Error, CustomStringConvertible {
    /// What went wrong.
    package var description: String
  }

  /// The largest secret file read, in bytes.
  package static let maxBytes = 64 * 1024

  /// The contents of `path` as UTF-8, or all of stdin for `-`.
  /// - Throws: `ReadError` when the file cannot be read, is too large, or is not UTF-8.
  package static func read(_ path: String) throws -> String {
    var bytes: [UInt8]
    if path == "-" {
      bytes = []
      while let line = readLine(strippingNewline: false) {
        bytes += Array(line.utf8)
        if bytes.count > maxBytes { break }
      }
    } else {
      do {
        bytes = [UInt8](try Data(contentsOf: URL(filePath: path)))
      } catch {
        throw ReadError(description: "no such readable file")
      }
    }
    guard bytes.count <= maxBytes else {
      throw ReadError(description: "larger than \(maxBytes) bytes")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ReadError(description: "not UTF-8 text")
    }
    return text
  }
}
