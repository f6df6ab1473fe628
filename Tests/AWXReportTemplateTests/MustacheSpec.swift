import AWXReportTemplate
import Foundation
import Testing

/// The official Mustache spec's core modules, loaded from `shared/mustache-spec` next to the
/// repository (or from `$AWX_REPORT_MUSTACHE_SPEC`).
enum MustacheSpec {
  /// The modules this engine implements, with their number of cases at spec commit 9cb20c3.
  static let modules: [(name: String, caseCount: Int)] = [
    ("comments", 12), ("delimiters", 14), ("interpolation", 42), ("inverted", 22),
    ("partials", 12), ("sections", 34),
  ]

  /// The environment variable that overrides where the spec is looked for.
  static let environmentVariable = "AWX_REPORT_MUSTACHE_SPEC"

  /// The spec folder, or `nil` when it is not present.
  static let directory: URL? = locate()

  /// Every case of every module; empty when the spec is absent. A module that is present but
  /// cannot be read shows up as a failing case rather than silently disappearing.
  static let cases: [MustacheSpecCase] = load()

  /// Where the spec was looked for, for skip messages.
  static var searchedPaths: [String] { candidates().map(\.path) }

  private static func locate() -> URL? {
    candidates().first { url in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        && isDirectory.boolValue
    }
  }

  /// `$AWX_REPORT_MUSTACHE_SPEC` when set; otherwise `<root>/../shared/mustache-spec` for every
  /// ancestor `<root>` of this file (as compiled and with symlinks resolved) that holds a
  /// `Package.swift` and `Sources/AWXReportTemplate`.
  private static func candidates() -> [URL] {
    if let override = ProcessInfo.processInfo.environment[environmentVariable],
      !override.isEmpty
    {
      return [URL(fileURLWithPath: override)]
    }
    let file = URL(fileURLWithPath: #filePath)
    var results: [URL] = []
    for start in [file, file.resolvingSymlinksInPath()] {
      var directory = start.deletingLastPathComponent()
      while directory.path != "/" && !directory.path.isEmpty {
        let manager = FileManager.default
        if manager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
          manager.fileExists(
            atPath: directory.appendingPathComponent("Sources/AWXReportTemplate").path)
        {
          let spec = directory.deletingLastPathComponent()
            .appendingPathComponent("shared/mustache-spec").standardizedFileURL
          if !results.contains(spec) { results.append(spec) }
        }
        directory = directory.deletingLastPathComponent()
      }
    }
    return results
  }

  private static func load() -> [MustacheSpecCase] {
    guard let directory else { return [] }
    var cases: [MustacheSpecCase] = []
    for module in modules {
      let url = directory.appendingPathComponent("\(module.name).json")
      do {
        let file = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        for test in file.tests {
          cases.append(
            MustacheSpecCase(
              module: module.name, name: test.name, description: test.desc,
              data: test.data.value, template: test.template,
              partials: test.partials ?? [:], expected: test.expected, loadError: nil))
        }
      } catch {
        cases.append(
          MustacheSpecCase(
            module: module.name, name: "(unreadable)", description: "", data: .null,
            template: "", partials: [:], expected: "", loadError: "\(url.path): \(error)"))
      }
    }
    return cases
  }
}

/// One case of the Mustache spec.
struct MustacheSpecCase: Sendable, CustomTestStringConvertible {
  let module: String
  let name: String
  let description: String
  let data: TemplateValue
  let template: String
  let partials: [String: String]
  let expected: String
  /// Why the module could not be read, if it could not.
  let loadError: String?

  var testDescription: String { "\(module): \(name)" }
}

private struct SpecFile: Decodable {
  struct Test: Decodable {
    let name: String
    let desc: String
    let data: SpecValue
    let template: String
    let partials: [String: String]?
    let expected: String
  }

  let tests: [Test]
}

/// Spec data as decoded from JSON, keeping booleans, integers and decimals apart (which
/// `JSONSerialization`'s `NSNumber`s do not reliably do on Linux).
private struct SpecValue: Decodable {
  let value: TemplateValue

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      value = .null
    } else if let bool = try? container.decode(Bool.self) {
      value = .bool(bool)
    } else if let int = try? container.decode(Int.self) {
      value = .int(int)
    } else if let double = try? container.decode(Double.self) {
      value = .double(double)
    } else if let string = try? container.decode(String.self) {
      value = .string(string)
    } else if let list = try? container.decode([SpecValue].self) {
      value = .list(list.map(\.value))
    } else {
      value = .object(TemplateObject(try container.decode([String: SpecValue].self).mapValues(\.value)))
    }
  }
}
