/// The data a template is rendered from: a JSON-like tree of typed values.
///
/// Build it directly or through literals:
///
/// ```swift
/// let value: TemplateValue = ["title": "Jobs", "count": 3, "rows": [["name": "a"], ["name": "b"]]]
/// ```
///
/// Mustache semantics, as implemented by the renderer:
/// - **Interpolation** (`{{name}}`): strings as is; integers in decimal; doubles in their shortest
///   form (`1.21`), integral doubles without a fraction (`85.0` → `85`); booleans as `true` /
///   `false`; `null` and objects as nothing; lists as their elements joined by `,`.
/// - **Truthiness** (`{{#name}}`): `false`, `null`, the empty list and the empty string are
///   falsey; everything else (including `0` and empty objects) is truthy.
package indirect enum TemplateValue: Sendable, Equatable {
  /// A string.
  case string(String)
  /// A boolean.
  case bool(Bool)
  /// An integer.
  case int(Int)
  /// A floating-point number.
  case double(Double)
  /// A list; sections render once per element.
  case list([TemplateValue])
  /// An object with named members; key order is irrelevant.
  case object(TemplateObject)
  /// The absent value; renders as nothing and is falsey.
  case null

  /// Whether a section over this value renders (see the type's documentation).
  package var isTruthy: Bool {
    switch self {
    case .bool(let value): return value
    case .null: return false
    case .list(let items): return !items.isEmpty
    case .string(let string): return !string.isEmpty
    case .int, .double, .object: return true
    }
  }

  /// The member named `key` of an object; `nil` for a missing key or a non-object.
  package subscript(key: String) -> TemplateValue? {
    guard case .object(let members) = self else { return nil }
    return members[key]
  }
}

extension TemplateValue {
  /// Wraps an optional string; `nil` becomes ``null``.
  package init(_ string: String?) {
    self = string.map(TemplateValue.string) ?? .null
  }

  /// Wraps an optional integer; `nil` becomes ``null``.
  package init(_ int: Int?) {
    self = int.map(TemplateValue.int) ?? .null
  }

  /// Wraps an optional double; `nil` becomes ``null``.
  package init(_ double: Double?) {
    self = double.map(TemplateValue.double) ?? .null
  }

  /// Wraps an optional boolean; `nil` becomes ``null``.
  package init(_ bool: Bool?) {
    self = bool.map(TemplateValue.bool) ?? .null
  }
}

extension TemplateValue: ExpressibleByStringLiteral {
  /// Creates a ``string(_:)`` from a string literal.
  package init(stringLiteral value: String) { self = .string(value) }
}

/// Interpolated string literals (`"\(count) jobs"`) create a ``string(_:)``.
extension TemplateValue: ExpressibleByStringInterpolation {}

extension TemplateValue: ExpressibleByIntegerLiteral {
  /// Creates an ``int(_:)`` from an integer literal.
  package init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
  /// Creates a ``double(_:)`` from a floating-point literal.
  package init(floatLiteral value: Double) { self = .double(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
  /// Creates a ``bool(_:)`` from `true` or `false`.
  package init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByNilLiteral {
  /// Creates ``null`` from `nil`.
  package init(nilLiteral: ()) { self = .null }
}

extension TemplateValue: ExpressibleByArrayLiteral {
  /// Creates a ``list(_:)`` from an array literal.
  package init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
  /// Creates an ``object(_:)`` from a dictionary literal; a repeated key keeps its last value.
  package init(dictionaryLiteral elements: (String, TemplateValue)...) {
    self = .object(TemplateObject(elements))
  }
}
