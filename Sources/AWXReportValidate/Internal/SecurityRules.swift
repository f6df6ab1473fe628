/// Security rules over `DocumentFacts`: no `<script>`, no `<foreignObject>`, no `on*` event
/// attributes, and links only to `#fragment`s (in `href` / `xlink:href`, in `url(...)` inside
/// any attribute, and in `<style>` text, where `@import` is refused too). `javascript:` is
/// refused in every attribute value.
enum SecurityRules {
  static func check(_ facts: DocumentFacts) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    for element in facts.elements where element.mayConcernSecurity {
      let line = element.line
      switch element.name {
      case "script": issues.append(error("<script> is not allowed", line: line))
      case "foreignObject": issues.append(error("<foreignObject> is not allowed", line: line))
      case "style": issues += checkStyleText(element.text ?? "", line: line)
      default: break
      }
      for attribute in element.attributes {
        issues += checkAttribute(attribute, of: element)
      }
    }
    return issues
  }

  private static func error(_ message: String, line: Int) -> ValidationIssue {
    ValidationIssue(severity: .error, line: line, column: 1, message: message, rule: .security)
  }

  private static func checkAttribute(
    _ attribute: DocumentFacts.Attribute, of element: DocumentFacts.Element
  ) -> [ValidationIssue] {
    let line = element.line
    var display: String {
      attribute.namespaceURI == xlinkNamespace ? "xlink:\(attribute.name)" : attribute.name
    }
    if isEventHandlerName(attribute.name) {
      return [
        error(
          "event handler attribute \"\(display)\" on <\(element.name)> is not allowed",
          line: line)
      ]
    }
    if attribute.name == "href" {
      if let problem = linkProblem(attribute.value) {
        return [error("\(problem) in \(display) on <\(element.name)>", line: line)]
      }
      return []
    }
    // Fast path: most values (numbers, paths, colours) contain neither ':' nor '(', which
    // `javascript:` and `url(` both need (entities and character references are already
    // decoded by the parser).
    guard !attribute.value.isEmpty else { return [] }
    let mayBeJavaScript = attribute.value.utf8.containsByte(UInt8(ascii: ":"))
    let mayHaveURL = attribute.value.utf8.containsByte(UInt8(ascii: "("))
    guard mayBeJavaScript || mayHaveURL else { return [] }
    var issues: [ValidationIssue] = []
    if mayBeJavaScript && isJavaScript(attribute.value, anywhere: true) {
      issues.append(
        error("javascript: URL in \(display) on <\(element.name)> is not allowed", line: line))
    }
    for target in mayHaveURL ? urlArguments(attribute.value) : [] {
      if let problem = linkProblem(target), !isJavaScript(target, anywhere: false) {
        issues.append(error("\(problem) in url(...) of \(display)", line: line))
      }
    }
    return issues
  }

  private static func checkStyleText(_ text: String, line: Int) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    if text.lowercased().contains("@import") {
      issues.append(error("@import in <style> is not allowed", line: line))
    }
    if isJavaScript(text, anywhere: true) {
      issues.append(error("javascript: URL in <style> is not allowed", line: line))
    }
    for target in urlArguments(text) {
      if let problem = linkProblem(target) {
        issues.append(error("\(problem) in url(...) in <style>", line: line))
      }
    }
    return issues
  }

  /// `on…` in any case: `onload`, `onClick`, …
  private static func isEventHandlerName(_ name: String) -> Bool {
    var bytes = name.utf8.makeIterator()
    guard let first = bytes.next(), let second = bytes.next() else { return false }
    return first | 0x20 == UInt8(ascii: "o") && second | 0x20 == UInt8(ascii: "n")
  }

  private static let xlinkNamespace = "http://www.w3.org/1999/xlink"

  /// Why a link target is refused, or `nil` for a `#fragment`.
  private static func linkProblem(_ target: String) -> String? {
    let trimmed = Substring(target).trimmingWhitespace()
    if isJavaScript(trimmed, anywhere: false) { return "javascript: URL is not allowed" }
    if trimmed.hasPrefix("#") && trimmed.count > 1 { return nil }
    return "external URL \"\(trimmed)\" is not allowed (only #fragment links)"
  }

  /// `javascript:` after dropping whitespace and control characters and ignoring case, the
  /// way browsers read it.
  private static func isJavaScript(_ text: String, anywhere: Bool) -> Bool {
    let squeezed = String(
      text.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)
    ).lowercased()
    return anywhere ? squeezed.contains("javascript:") : squeezed.hasPrefix("javascript:")
  }

  /// The arguments of every `url(...)` (case-insensitive), quotes removed.
  static func urlArguments(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    let opener: [Unicode.Scalar] = ["u", "r", "l", "("]
    var result: [String] = []
    var index = 0
    while index + opener.count <= scalars.count {
      let matches = (0..<opener.count).allSatisfy {
        scalars[index + $0].properties.lowercaseMapping == String(opener[$0])
      }
      guard matches else {
        index += 1
        continue
      }
      let start = index + opener.count
      let end = scalars[start...].firstIndex(of: ")") ?? scalars.count
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[start..<end])
      var argument = Substring(String(view)).trimmingWhitespace()
      if let quote = argument.first, quote == "\"" || quote == "'", argument.count >= 2,
        argument.last == quote
      {
        argument = String(argument.dropFirst().dropLast())
      }
      result.append(argument)
      index = end + 1
    }
    return result
  }
}

extension String.UTF8View {
  /// `contains(byte)` over contiguous storage, without the generic iterator.
  func containsByte(_ byte: UInt8) -> Bool {
    withContiguousStorageIfAvailable { $0.contains(byte) } ?? contains(byte)
  }
}
