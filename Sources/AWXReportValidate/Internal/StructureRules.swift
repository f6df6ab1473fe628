/// Our structural rules, in plain Swift over `DocumentFacts`: the root is `<svg>` in the SVG
/// namespace with a usable `viewBox`, `id`s are unique, and every edge group's `A->B` title
/// names node groups that exist (Graphviz's convention, which our renderer follows).
enum StructureRules {
  static let svgNamespace = "http://www.w3.org/2000/svg"
  private static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

  static func check(_ facts: DocumentFacts) -> [ValidationIssue] {
    guard let root = facts.elements.first else { return [] }
    return checkRoot(root) + checkIDs(facts.elements) + checkGraph(facts.elements)
  }

  private static func error(_ message: String, line: Int) -> ValidationIssue {
    ValidationIssue(severity: .error, line: line, column: 1, message: message, rule: .structure)
  }

  private static func checkRoot(_ root: DocumentFacts.Element) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    if root.name != "svg" || root.namespaceURI != svgNamespace {
      let found =
        root.namespaceURI.map { "<\(root.name)> in namespace \"\($0)\"" }
        ?? "<\(root.name)> in no namespace"
      issues.append(
        error(
          "root element must be <svg> in namespace \"\(svgNamespace)\", found \(found)",
          line: root.line))
    }
    guard let viewBox = root.attribute("viewBox") else {
      issues.append(error("root <svg> has no viewBox attribute", line: root.line))
      return issues
    }
    let numbers = viewBox.split { $0 == " " || $0 == "," || $0 == "\t" || $0.isNewline }
      .map { Double($0) }
    if numbers.count != 4 || numbers.contains(nil)
      || (numbers[2] ?? 0) <= 0 || (numbers[3] ?? 0) <= 0
    {
      issues.append(
        error(
          "viewBox \"\(viewBox)\" must be four numbers: min-x min-y width height "
            + "(width and height > 0)", line: root.line))
    }
    return issues
  }

  private static func checkIDs(_ elements: [DocumentFacts.Element]) -> [ValidationIssue] {
    var firstLine: [String: Int] = [:]
    firstLine.reserveCapacity(elements.count)
    var issues: [ValidationIssue] = []
    func note(_ id: String, line: Int) {
      // One hash per id: the slot is created with the line (-1 marks "new") or found.
      var first: Int?
      Self.claim(&firstLine[id, default: -1], line: line, first: &first)
      if let first {
        issues.append(
          error("duplicate id \"\(id)\" (first defined on line \(first))", line: line))
      }
    }
    for element in elements {
      if let id = element.id { note(id, line: element.line) }
      for attribute in element.attributes where attribute.name == "id" {
        guard attribute.namespaceURI == nil || attribute.namespaceURI == xmlNamespace else {
          continue
        }
        note(attribute.value, line: element.line)
      }
    }
    return issues
  }

  /// Stores `line` in a new slot (-1), or reports the line already there in `first`.
  private static func claim(_ slot: inout Int, line: Int, first: inout Int?) {
    if slot == -1 { slot = line } else { first = slot }
  }

  /// The text of a group's first element child when that child is `<title>`.
  private static func title(
    of group: DocumentFacts.Element, in elements: [DocumentFacts.Element]
  ) -> String? {
    guard let index = group.firstChild, elements[index].name == "title" else { return nil }
    return elements[index].text.map { Substring($0).trimmingWhitespace() }
  }

  private static func checkGraph(_ elements: [DocumentFacts.Element]) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    var nodes: Set<String> = []
    nodes.reserveCapacity(elements.count)
    var edges: [(title: String, line: Int)] = []
    edges.reserveCapacity(elements.count)
    for index in elements.indices where elements[index].name == "g" {
      let element = elements[index]
      let isNode = element.classHasNode
      let isEdge = !isNode && element.classHasEdge
      guard isNode || isEdge else { continue }
      let kind = isNode ? "node" : "edge"
      guard let title = title(of: element, in: elements) else {
        issues.append(error("\(kind) group must start with a <title>", line: element.line))
        continue
      }
      if isNode { nodes.insert(title) } else { edges.append((title, element.line)) }
    }
    for edge in edges {
      if let problem = EdgeTitle.problem(edge.title, nodes: nodes) {
        issues.append(error(problem, line: edge.line))
      }
    }
    return issues
  }
}
