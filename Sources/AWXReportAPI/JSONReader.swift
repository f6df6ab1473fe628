import AWXReportJSON
import AWXReportModel

/// Typed access to a JSON object with errors that name the source and the JSON path.
///
/// Strict where a wrong value would make the report wrong (ids, edge lists); tolerant where
/// AWX versions differ (absent optional keys, `null` for `""`).
struct JSONReader {
  let value: JSONValue
  let source: String
  let path: String

  init(_ value: JSONValue, source: String, path: String = "") {
    self.value = value
    self.source = source
    self.path = path
  }

  func at(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func fail(_ key: String, _ message: String) -> APIError {
    .shape(source: source, path: at(key), message: message)
  }

  /// A child reader for an object member (nil when absent or null).
  func object(_ key: String) throws(APIError) -> JSONReader? {
    guard let v = value[key], !v.isNull else { return nil }
    guard case .object = v else { throw fail(key, "expected an object, got \(v.typeName)") }
    return JSONReader(v, source: source, path: at(key))
  }

  func int(_ key: String) throws(APIError) -> Int {
    guard let v = value[key] else { throw fail(key, "missing") }
    guard let i = v.int else { throw fail(key, "expected an integer, got \(v.typeName)") }
    return i
  }

  func optionalInt(_ key: String) throws(APIError) -> Int? {
    guard let v = value[key], !v.isNull else { return nil }
    guard let i = v.int else { throw fail(key, "expected an integer or null, got \(v.typeName)") }
    return i
  }

  func string(_ key: String) throws(APIError) -> String {
    guard let v = value[key] else { throw fail(key, "missing") }
    guard let s = v.string else { throw fail(key, "expected a string, got \(v.typeName)") }
    return s
  }

  /// Absent or null → nil; a number is accepted as its text.
  func optionalString(_ key: String) throws(APIError) -> String? {
    guard let v = value[key], !v.isNull else { return nil }
    switch v {
    case .string(let s): return s
    case .number(let t): return t
    default: throw fail(key, "expected a string or null, got \(v.typeName)")
    }
  }

  /// Absent, null or "" → nil.
  func nonEmptyString(_ key: String) throws(APIError) -> String? {
    guard let s = try optionalString(key), !s.isEmpty else { return nil }
    return s
  }

  func bool(_ key: String, default fallback: Bool) throws(APIError) -> Bool {
    guard let v = value[key], !v.isNull else { return fallback }
    guard let b = v.bool else { throw fail(key, "expected true or false, got \(v.typeName)") }
    return b
  }

  /// A number or a numeric string (decimals are sometimes strings); absent or null → nil.
  func optionalDouble(_ key: String) throws(APIError) -> Double? {
    guard let v = value[key], !v.isNull else { return nil }
    if let d = v.double { return d }
    if let s = v.string, let d = Double(s) { return d }
    throw fail(key, "expected a number, got \(v.typeName)")
  }

  func optionalTimestamp(_ key: String) throws(APIError) -> Timestamp? {
    guard let s = try nonEmptyString(key) else { return nil }
    guard let t = Timestamp(iso8601: s) else { throw fail(key, "not an ISO 8601 time: \(s)") }
    return t
  }

  func array(_ key: String) throws(APIError) -> [JSONValue] {
    guard let v = value[key] else { throw fail(key, "missing") }
    guard let a = v.array else { throw fail(key, "expected a list, got \(v.typeName)") }
    return a
  }

  /// A list of node ids. Absent → empty (older payloads); anything but a list of integers is
  /// an error, since a wrong edge list would draw a wrong graph.
  func idList(_ key: String) throws(APIError) -> [Int] {
    guard let v = value[key] else { return [] }
    guard let items = v.array else {
      throw fail(key, "expected a list of node ids, got \(v.typeName)")
    }
    var ids: [Int] = []
    ids.reserveCapacity(items.count)
    for (k, item) in items.enumerated() {
      guard let id = item.int else {
        throw .shape(
          source: source, path: "\(at(key))[\(k)]",
          message: "expected a node id (integer), got \(item.typeName)")
      }
      ids.append(id)
    }
    return ids
  }
}
