/// A parsed JSON value that keeps what a faithful report needs: object key order, and each
/// number's exact text (AWX ids are integers; `elapsed` is a decimal with three places).
package indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  /// A number, as written in the source.
  case number(String)
  case string(String)
  case array([JSONValue])
  /// Members in source order. A repeated key keeps every occurrence; look-ups take the last.
  case object([(key: String, value: JSONValue)])

  /// The member `key` of an object (the last one when repeated), else nil.
  package subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last(where: { $0.key == key })?.value
  }

  /// The string, or nil.
  package var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// An integer value (no fraction, no exponent, fits in Int), or nil.
  package var int: Int? {
    if case .number(let text) = self { return Int(text) }
    return nil
  }

  /// Any number as a Double, or nil.
  package var double: Double? {
    if case .number(let text) = self { return Double(text) }
    return nil
  }

  /// The boolean, or nil.
  package var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The elements, or nil.
  package var array: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// Whether this is `null`.
  package var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The JSON type's name, for error messages.
  package var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number(let t): return Int(t) != nil ? "an integer" : "a number"
    case .string: return "a string"
    case .array: return "a list"
    case .object: return "an object"
    }
  }

  package static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  package func hash(into h: inout Hasher) {
    switch self {
    case .null: h.combine(0)
    case .bool(let b): h.combine(b)
    case .number(let t): h.combine(t)
    case .string(let s): h.combine(s)
    case .array(let a): h.combine(a)
    case .object(let m):
      for (k, v) in m {
        h.combine(k)
        h.combine(v)
      }
    }
  }
}
