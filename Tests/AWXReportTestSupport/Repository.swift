import Foundation

/// The repository root: the nearest ancestor of this source file that holds `Package.swift`.
package let repoRoot: URL = {
  let file = URL(fileURLWithPath: #filePath)
  var directory = file.deletingLastPathComponent()
  while directory.path != "/" && !directory.path.isEmpty {
    if FileManager.default.fileExists(
      atPath: directory.appendingPathComponent("Package.swift").path)
    {
      return directory
    }
    directory = directory.deletingLastPathComponent()
  }
  // Not reachable in a checkout; fall back to this file's place (Tests/AWXReportTestSupport).
  return file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}()

/// The bundled example snapshot, `examples/workflow-job-4711.snapshot.json`.
package let examplePath: String =
  repoRoot.appendingPathComponent("examples/workflow-job-4711.snapshot.json").path

/// `<directory>/<name>` next to the calling source file (`Fixtures/` unless told otherwise).
package func fixtureURL(
  _ name: String, directory: String = "Fixtures", filePath: String = #filePath
) -> URL {
  URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent(directory).appendingPathComponent(name)
}

/// The bytes of `<directory>/<name>` next to the calling source file.
package func fixture(
  _ name: String, directory: String = "Fixtures", filePath: String = #filePath
) throws -> [UInt8] {
  [UInt8](try Data(contentsOf: fixtureURL(name, directory: directory, filePath: filePath)))
}

/// The UTF-8 bytes of `s`.
package func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// A fresh empty directory under the system temporary directory; the caller removes it.
package func temporaryDirectory(prefix: String = "awx-report-test") throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Every regular file under `dir`, relative path → bytes.
package func tree(_ dir: URL) -> [String: Data] {
  var result: [String: Data] = [:]
  guard let e = FileManager.default.enumerator(atPath: dir.path) else { return result }
  while let rel = e.nextObject() as? String {
    let path = dir.appendingPathComponent(rel).path
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
      result[rel] = FileManager.default.contents(atPath: path)
    }
  }
  return result
}
