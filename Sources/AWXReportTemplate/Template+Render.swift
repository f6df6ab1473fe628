/// Renders ``Node`` trees into a UTF-8 byte buffer, keeping the context stack.
struct Renderer {
  /// Templates that `{{>name}}` can refer to, by name.
  let partials: [String: Template]
  /// The partial nesting depth at which rendering stops with an error.
  var maximumPartialDepth = TemplateLibrary.maximumPartialDepth
  private var output: [UInt8] = []
  private var stack: [TemplateValue] = []
  private var partialDepth = 0

  init(partials: [String: Template], capacity: Int) {
    self.partials = partials
    output.reserveCapacity(max(capacity * 2, 16 * 1024))
    stack.reserveCapacity(16)
  }

  /// Renders `template` with `value` as the root context, appending to the output.
  mutating func render(_ template: Template, _ value: TemplateValue) throws(TemplateError) {
    stack.append(value)
    try render(template.nodes, indent: [], in: template)
    stack.removeLast()
  }

  /// The output so far, as a string.
  func finish() -> String {
    String(decoding: output, as: UTF8.self)
  }

  /// The output so far, as UTF-8 bytes (the buffer itself, not a copy).
  func finishBytes() -> [UInt8] { output }

  private mutating func render(
    _ nodes: [Node], indent: [UInt8], in template: Template
  ) throws(TemplateError) {
    for node in nodes {
      switch node {
      case .text(let bytes):
        output.append(contentsOf: bytes)
      case .lineStart:
        if !indent.isEmpty { output.append(contentsOf: indent) }
      case .variable(let path, let escaped):
        if let value = lookup(path) { append(value, escaped: escaped) }
      case .section(let path, let inverted, let children):
        let value = lookup(path)
        if inverted {
          if !(value?.isTruthy ?? false) {
            try render(children, indent: indent, in: template)
          }
          continue
        }
        guard let value, value.isTruthy else { continue }
        if case .list(let items) = value {
          for item in items {
            stack.append(item)
            try render(children, indent: indent, in: template)
            stack.removeLast()
          }
        } else {
          stack.append(value)
          try render(children, indent: indent, in: template)
          stack.removeLast()
        }
      case .partial(let name, let ownIndent, let offset):
        guard let partial = partials[name] else { continue }
        guard partialDepth < maximumPartialDepth else {
          throw .partialRecursionTooDeep(name: name, at: template.location(ofOffset: offset))
        }
        // A standalone partial is indented by its own leading whitespace, on top of any
        // indentation of the template it stands in; an inline one is not indented.
        let partialIndent = ownIndent.map { indent + $0 } ?? []
        partialDepth += 1
        try render(partial.nodes, indent: partialIndent, in: partial)
        partialDepth -= 1
      }
    }
  }

  /// Resolves a name against the context stack: the first component in the innermost object
  /// that has it, the rest strictly within that value. `.` is the innermost context.
  private func lookup(_ path: NamePath) -> TemplateValue? {
    let components = path.components
    guard let first = components.first else { return stack.last }
    var index = stack.count - 1
    while index >= 0 {
      if case .object(let members) = stack[index], var value = members[first] {
        for component in components.dropFirst() {
          guard case .object(let inner) = value, let next = inner[component] else { return nil }
          value = next
        }
        return value
      }
      index -= 1
    }
    return nil
  }

  /// Appends a value's interpolation (see ``TemplateValue``).
  private mutating func append(_ value: TemplateValue, escaped: Bool) {
    switch value {
    case .string(let string):
      if escaped {
        HTMLEscaping.append(string, to: &output)
      } else {
        HTMLEscaping.appendRaw(string, to: &output)
      }
    case .int(let int):
      HTMLEscaping.appendRaw(String(int), to: &output)
    case .double(let double):
      HTMLEscaping.appendRaw(Self.format(double), to: &output)
    case .bool(let bool):
      HTMLEscaping.appendRaw(bool ? "true" : "false", to: &output)
    case .list(let items):
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        append(item, escaped: escaped)
      }
    case .object, .null:
      break
    }
  }

  /// `85.0` → `85`, `1.21` → `1.21`: integral values without a fraction, others shortest.
  static func format(_ double: Double) -> String {
    // No `rounded()`: it needs libm, which this Foundation-free module does not link.
    if double.isFinite, abs(double) < 1e15, Double(Int(double)) == double {
      return String(Int(double))
    }
    return String(double)
  }
}
