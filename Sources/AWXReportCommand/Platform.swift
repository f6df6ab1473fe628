import FoundationEssentials

#if canImport(Glibc)
  import CMalloc
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

// What the command module used from full Foundation, written with FoundationEssentials and the C
// library, so the binary does not link Foundation's internationalisation (ICU and its data).

/// Whether `path` exists and is a directory (following symbolic links, as `fileExists` does).
package func isDirectory(_ path: String) -> Bool {
  var isDir = false
  return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir
}

/// Whether `path` is a regular file (following symbolic links): one that can be read twice.
package func isRegularFile(_ path: String) -> Bool {
  var info = stat()
  return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

/// `base` and `component` joined with a `/`, as NSString's `appendingPathComponent` joins them.
package func appendingPathComponent(_ base: String, _ component: String) -> String {
  if base.isEmpty { return component }
  return base.hasSuffix("/") ? base + component : base + "/" + component
}

/// A line of text for an error, worded as Foundation's `localizedDescription` words it (what the
/// tool printed before it stopped linking Foundation): "The operation could not be completed."
/// and the reason for a file system error's code, or the code itself when Foundation has no
/// text for it.
package func errorReason(_ error: any Error) -> String {
  let prefix = "The operation could not be completed."
  if let cocoa = error as? CocoaError {
    if let text = cocoaErrorText[cocoa.code.rawValue] { return prefix + " " + text }
    return prefix + " (NSCocoaErrorDomain error \(cocoa.code.rawValue).)"
  }
  if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
  return prefix + " (" + String(describing: error) + ")"
}

/// Foundation's texts for the CocoaError codes file operations throw.
private let cocoaErrorText: [Int: String] = [
  4: "The file doesn’t exist.", 255: "The file couldn’t be locked.",
  257: "You don’t have permission.", 258: "The file name is invalid.",
  259: "The file isn’t in the correct format.", 260: "The file doesn’t exist.",
  261: "The specified text encoding isn’t applicable.",
  262: "The specified URL type isn’t supported.", 263: "The item is too large.",
  264: "The text encoding of the contents couldn’t be determined.",
  513: "You don’t have permission.", 514: "The file name is invalid.",
  516: "A file with the same name already exists.",
  517: "The specified text encoding isn’t applicable.",
  518: "The specified URL type isn’t supported.", 640: "There isn’t enough space.",
  642: "The volume is read only.",
]

/// Runs `body` on a new detached thread with a stack of `stackSize` bytes.
func startThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) {
  final class Box: @unchecked Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }
  var attributes = pthread_attr_t()
  pthread_attr_init(&attributes)
  defer { pthread_attr_destroy(&attributes) }
  pthread_attr_setstacksize(&attributes, stackSize)
  pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
  let context = Unmanaged.passRetained(Box(body)).toOpaque()
  var thread = pthread_t()
  let status = pthread_create(
    &thread, &attributes,
    { context in
      let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
      box.body()
      return nil
    }, context)
  precondition(status == 0, "pthread_create failed: \(status)")
}

extension StringProtocol {
  /// The text without leading and trailing blanks: what CharacterSet.whitespaces holds on Linux
  /// (tab, the space separators and U+200B), or with `newlines` also line breaks
  /// (CharacterSet.whitespacesAndNewlines).
  package func trimmingBlanks(newlines: Bool = false) -> String {
    func isBlank(_ s: Unicode.Scalar) -> Bool {
      switch s.value {
      case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
      case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
      default: return false
      }
    }
    let scalars = Substring(self).unicodeScalars
    guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isBlank($0) })!
    return String(scalars[first...last])
  }
}

/// Hands the free memory of every malloc arena back to the system (glibc's `malloc_trim`).
///
/// Between the render's stages, large trees die on worker threads (the parsed JSON of a
/// 10,000-node snapshot is over 100 MB); glibc keeps their pages resident in those threads'
/// arenas while the next stage allocates afresh, so without this the peak RSS is the sum of the
/// stages rather than the largest one. A no-op elsewhere.
package func releaseFreeMemory() {
  #if canImport(Glibc)
    _ = malloc_trim(0)
  #endif
}
