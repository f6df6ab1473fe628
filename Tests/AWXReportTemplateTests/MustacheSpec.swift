import AWXReportTemplate
import AWXReportTestSupport
import Foundation
import Testing

/// The official Mustache spec's core modules, vendored in `Tests/AWXReportTemplateTests/Spec/`
/// (github.com/mustache/spec at commit 9cb20c3, MIT licence in `Spec/LICENSE`). Read from the
/// repository only: a missing or unreadable module is a failing case, never a skip.
enum MustacheSpec {
  /// The modules this engine implements, with their number of cases at spec commit 9cb20c3.
  static let modules: [(name: String, caseCount: Int)] = [
    ("comments", 12), ("delimiters", 14), ("interpolation", 42), ("inverted", 22),
    ("partials", 12), ("sections", 34),
  ]

  /// The vendored spec folder.
  static let directory = repoRoot.appendingPathComponent("Tests/AWXReportTemplateTests/Spec")

  /// Every case of every module. A module that is missing or cannot be read shows up as one
  /// failing case rather than silently disappearing.
  static let cases: [MustacheSpecCase] = load()

  private static func load() -> [MustacheSpecCase] {
    var cases: [MustacheSpecCase] = []
    for module in modules {
      let url = directory.appendingPathComponent("\(module.name).json")
      do {
        guard FileManager.default.fileExists(atPath: url.path) else {
          throw MissingSpecFile()
        }
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

/// A spec module that is not in the repository.
private struct MissingSpecFile: Error, CustomStringConvertible {
  var description: String {
    "no such file; the Mustache spec is vendored in Tests/AWXReportTemplateTests/Spec/ "
      + "(restore it with `git checkout -- Tests/AWXReportTemplateTests/Spec`)"
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
      value = .object(
        TemplateObject(try container.decode([String: SpecValue].self).mapValues(\.value)))
    }
  }
}
