import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Reads input files with errors that say what is wrong in one line.
enum InputFile {
  static func read(_ path: String) throws(CommandError) -> [UInt8] {
    var isDirectory = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    if isDirectory { throw .unreadable(path: path, reason: "is a directory, not a file") }
    if let bytes = readRegularFile(path) { return bytes }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "permission denied or not a regular file")
    }
    return [UInt8](data)
  }

  /// A regular file's bytes read straight into one array (no second copy on the way, which
  /// matters for a 30 MB snapshot), or a pipe's (`render <(curl …)`) read to its end; nil for
  /// anything else, or on any error, so the caller falls back to the general path and its
  /// wording.
  private static func readRegularFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    if (info.st_mode & S_IFMT) == S_IFIFO || (info.st_mode & S_IFMT) == S_IFCHR {
      return readToEnd(fd)
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(info.st_size)
    guard size > 0 else { return [] }
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = 0
      while count < size {
        let n = Glibc.read(fd, buffer.baseAddress! + count, size - count)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
          failed = n < 0
          break
        }
        count += n
      }
    }
    // A file that shrank while being read is read again by the general path.
    return failed || bytes.count != size ? nil : bytes
  }

  /// Everything `fd` gives until end of file; nil on a read error.
  private static func readToEnd(_ fd: Int32) -> [UInt8]? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { return nil }
      if n == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<n])
    }
  }
}
