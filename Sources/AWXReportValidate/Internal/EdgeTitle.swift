/// Reads an edge title `A->B` (or `A--B` for undirected graphs) against the node titles.
enum EdgeTitle {
  /// `nil` when some split of the title names two existing nodes, else what is wrong.
  static func problem(_ title: String, nodes: Set<String>) -> String? {
    // Fast path, every edge of our own graphs: the first `->` splits the title into two
    // node names (the loop below would return nil at this very split).
    let bytes = title.utf8
    if let dash = bytes.firstIndex(of: UInt8(ascii: "-")) {
      let next = bytes.index(after: dash)
      if next < bytes.endIndex, bytes[next] == UInt8(ascii: ">"),
        nodes.contains(String(title[..<dash])),
        nodes.contains(String(title[bytes.index(after: next)...]))
      {
        return nil
      }
    }
    let splits = splits(of: title, separator: "->")
    let candidates = splits.isEmpty ? self.splits(of: title, separator: "--") : splits
    guard let first = candidates.first else {
      return "edge title \"\(title)\" is not of the form A->B"
    }
    for (tail, head) in candidates where exists(tail, in: nodes) && exists(head, in: nodes) {
      return nil
    }
    let missing = [first.tail, first.head].filter { !exists($0, in: nodes) }
    let names = missing.map { "\"\($0)\"" }.joined(separator: " and ")
    return "edge \"\(title)\" names missing node \(names)"
  }

  /// Every way to cut `title` at `separator` (a title may hold the separator more than once).
  private static func splits(
    of title: String, separator: String
  ) -> [(tail: String, head: String)] {
    let bytes = Array(title.utf8)
    let mark = Array(separator.utf8)
    guard bytes.count >= mark.count else { return [] }
    var result: [(tail: String, head: String)] = []
    for start in 0...(bytes.count - mark.count)
    where bytes[start..<start + mark.count].elementsEqual(mark) {
      result.append(
        (
          String(decoding: bytes[..<start], as: UTF8.self),
          String(decoding: bytes[(start + mark.count)...], as: UTF8.self)
        ))
    }
    return result
  }

  /// A node name, or one with a Graphviz `:port` suffix.
  private static func exists(_ name: String, in nodes: Set<String>) -> Bool {
    if nodes.contains(name) { return true }
    guard let colon = name.lastIndex(of: ":") else { return false }
    return nodes.contains(String(name[..<colon]))
  }
}
