/// The members of an object ``TemplateValue``: names and values in a small flat list.
///
/// Report objects have a handful to a few dozen members and are built once, looked up a few
/// times and freed: a linear scan over names beats hashing, and two arrays cost two
/// allocations instead of a hash table. Member order is irrelevant to rendering and equality.
package struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
  private var keys: [String]
  private var values: [TemplateValue]

  /// An empty object.
  package init() {
    keys = []
    values = []
  }

  /// The members of `dictionary`.
  package init(_ dictionary: [String: TemplateValue]) {
    self.init(dictionary.map { ($0.key, $0.value) })
  }

  /// The given members; a repeated name keeps its last value.
  package init<S: Sequence>(_ members: S) where S.Element == (String, TemplateValue) {
    keys = []
    values = []
    keys.reserveCapacity(members.underestimatedCount)
    values.reserveCapacity(members.underestimatedCount)
    for (k, v) in members { self[k] = v }
  }

  /// Creates an object from a dictionary literal; a repeated key keeps its last value.
  package init(dictionaryLiteral elements: (String, TemplateValue)...) {
    self.init(elements)
  }

  /// The number of members.
  package var count: Int { keys.count }

  /// Whether there are no members.
  package var isEmpty: Bool { keys.isEmpty }

  /// The value named `key`; setting `nil` removes the member.
  package subscript(key: String) -> TemplateValue? {
    get {
      guard let i = keys.firstIndex(of: key) else { return nil }
      return values[i]
    }
    set {
      if let i = keys.firstIndex(of: key) {
        if let newValue {
          values[i] = newValue
        } else {
          keys.remove(at: i)
          values.remove(at: i)
        }
      } else if let newValue {
        keys.append(key)
        values.append(newValue)
      }
    }
  }

  /// Equal when both have the same names with equal values, in any order.
  package static func == (a: TemplateObject, b: TemplateObject) -> Bool {
    guard a.keys.count == b.keys.count else { return false }
    for (k, v) in zip(a.keys, a.values) where b[k] != v { return false }
    return true
  }
}
