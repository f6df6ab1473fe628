import AWXReportAPI
import AWXReportJSON
import AWXReportTestSupport
import Foundation
import Testing

/// Builds snapshot files for tests from the bundled example: every response body is parsed,
/// edited as JSON, and written back with fresh digests, so the result is a well-formed
/// snapshot in AWX's shapes.
enum SnapshotEditing {
  /// The example with `edit` applied to every response body (given its kind and workflow job).
  static func example(
    _ edit: (_ kind: ResponseKind, _ workflowJob: Int, inout JSONValue) -> Void
  ) throws -> [UInt8] {
    let bytes = [UInt8](try #require(FileManager.default.contents(atPath: examplePath)))
    var snapshot = try Snapshot.decode(bytes, source: examplePath)
    for i in snapshot.responses.indices {
      var value = try JSONParser.parse(snapshot.responses[i].body)
      edit(snapshot.responses[i].kind, snapshot.responses[i].workflowJobID, &value)
      snapshot.responses[i].body = Array(JSONWriter.write(value, style: .compact).utf8)
    }
    return snapshot.encoded()
  }

  /// `value` with `transform` applied to every member named `key`, at any depth.
  static func replacing(
    _ key: String, in value: JSONValue, _ transform: (JSONValue) -> JSONValue
  ) -> JSONValue {
    switch value {
    case .object(let members):
      return .object(
        members.map { m in
          (m.key, m.key == key ? transform(m.value) : replacing(key, in: m.value, transform))
        })
    case .array(let items):
      return .array(items.map { replacing(key, in: $0, transform) })
    default:
      return value
    }
  }

  /// `value`'s first `results` item whose `id` is `id`, edited by `edit`.
  static func editResult(_ id: Int, in value: inout JSONValue, _ edit: (inout JSONValue) -> Void) {
    guard case .object(var members) = value,
      let r = members.firstIndex(where: { $0.key == "results" }),
      case .array(var items) = members[r].value
    else { return }
    for k in items.indices where items[k]["id"]?.int == id {
      edit(&items[k])
      members[r].value = .array(items)
      value = .object(members)
      return
    }
  }

  /// Sets member `key` of an object (added at the end when missing).
  static func set(_ key: String, _ new: JSONValue, in value: inout JSONValue) {
    guard case .object(var members) = value else { return }
    if let i = members.firstIndex(where: { $0.key == key }) {
      members[i].value = new
    } else {
      members.append((key, new))
    }
    value = .object(members)
  }
}
