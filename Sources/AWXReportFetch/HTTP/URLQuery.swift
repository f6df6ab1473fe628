/// Query parameters in the order given, and the one place their values are percent-encoded.
///
/// `URLQuery(["id__in": "1,2,3", "page_size": "200"]).encoded` is `id__in=1,2,3&page_size=200`;
/// a value `x y+z` becomes `x%20y%2Bz`. Names may repeat (`or__status=failed&or__status=error`).
///
/// What is kept literal: RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) and the comma.
/// Everything else, UTF-8 byte by byte, becomes `%XX` (upper-case hex), so `&`, `=`, `+`, `#`,
/// `%` and spaces in a value can never change the query's structure.
///
/// Why the comma stays literal: AWX's list filters take comma lists (`id__in=1,2,3`,
/// `order_by=-finished,id`, `type=workflow_job,job`), and Django decodes `,` and `%2C` alike
/// (`QueryDict` splits on `&` and `=` only), so both reach AWX as the same value. The comma is an
/// RFC 3986 sub-delimiter, allowed as data in a query. Keeping it literal keeps the bulk
/// requests' URLs byte for byte what they have always been, and snapshots record those URLs.
package struct URLQuery: Equatable, Sendable, ExpressibleByDictionaryLiteral {
  /// The parameters, in order.
  package private(set) var items: [(name: String, value: String)]

  /// Creates a query from `(name, value)` pairs, in order.
  package init(_ items: [(String, String)] = []) {
    self.items = items.map { (name: $0.0, value: $0.1) }
  }

  /// Creates a query from a literal, keeping the literal's order: `["status": "failed"]`.
  package init(dictionaryLiteral elements: (String, String)...) {
    self.init(elements)
  }

  /// Adds `name=value` at the end.
  package mutating func append(_ name: String, _ value: String) {
    items.append((name: name, value: value))
  }

  /// Whether there are no parameters.
  package var isEmpty: Bool { items.isEmpty }

  /// `name=value&…`, percent-encoded, without a leading `?`; empty for no parameters.
  package var encoded: String {
    items.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
  }

  /// `path` with these parameters added: after `?`, or after `&` when `path` already has a
  /// query. `path` itself is left as it is.
  package func appended(to path: String) -> String {
    guard !items.isEmpty else { return path }
    return path + (path.contains("?") ? "&" : "?") + encoded
  }

  /// `text` with every byte outside the unreserved set and `,` written as `%XX`.
  package static func encode(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    let hex = Array("0123456789ABCDEF".utf8)
    for byte in text.utf8 {
      if isKept(byte) {
        out.append(byte)
      } else {
        out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isKept(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
      UInt8(ascii: ","):
      return true
    default:
      return false
    }
  }

  /// Compares names and values, in order.
  package static func == (a: URLQuery, b: URLQuery) -> Bool {
    a.items.count == b.items.count
      && zip(a.items, b.items).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }
}
