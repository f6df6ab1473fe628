import FoundationEssentials

/// Reads input files with errors that say what is wrong in one line.
enum InputFile {
  static func read(_ path: String) throws(CommandError) -> [UInt8] {
    var isDirectory = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    if isDirectory { throw .unreadable(path: path, reason: "is a directory, not a file") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "permission denied or not a regular file")
    }
    return [UInt8](data)
  }
}
