/// A parsed Mustache template, ready to be rendered many times.
///
/// Parsing happens once, in ``init(source:name:)``; rendering walks the token tree with a typed
/// ``TemplateValue`` (no reflection). Supported: `{{name}}` (HTML-escaped), `{{{name}}}` and
/// `{{&name}}` (raw), dotted names, `{{.}}`, sections, inverted sections, comments, partials
/// (through a ``TemplateLibrary``), set delimiters and the spec's standalone-line rules. Not
/// supported: lambdas and template inheritance (`{{<parent}}`, `{{$block}}`).
///
/// A template rendered on its own has no partials: `{{>name}}` renders as nothing. Put templates
/// and partials in a ``TemplateLibrary`` to resolve them.
package struct Template: Sendable {
  /// The name used in error messages and to find the template as a partial in a library.
  package let name: String
  /// The source text the template was parsed from.
  package let source: String
  /// The parsed token tree.
  let nodes: [Node]
  /// Every `{{>partial}}` tag, in source order, with its byte offset (for strict validation).
  let partialTags: [(name: String, offset: Int)]

  /// Parses `source`.
  ///
  /// - Parameters:
  ///   - source: The template text.
  ///   - name: The name used in errors (`name:line:column: error: …`) and for partial lookup.
  /// - Throws: ``TemplateError`` for unclosed sections and tags, mismatched or unexpected closing
  ///   tags, malformed delimiters or tag names, and inheritance tags.
  package init(source: String, name: String = "template") throws(TemplateError) {
    self.name = name
    self.source = source
    var parser = TemplateParser(bytes: Array(source.utf8), templateName: name)
    let result = try parser.parse()
    self.nodes = result.nodes
    self.partialTags = result.partials
  }

  /// The names of the partials this template references, in source order, without repeats.
  package var referencedPartials: [String] {
    var seen: Set<String> = []
    return partialTags.map(\.name).filter { seen.insert($0).inserted }
  }

  /// Renders the template with `value` as the root context; `{{>partial}}` tags render as nothing.
  package func render(_ value: TemplateValue) -> String {
    var renderer = Renderer(partials: [:], capacity: source.utf8.count)
    // Without partials there is no recursion, so nothing can throw.
    do {
      try renderer.render(self, value)
    } catch {
      return ""
    }
    return renderer.finish()
  }

  /// The location of a byte offset in this template's source.
  func location(ofOffset offset: Int) -> TemplateError.Location {
    TemplateError.Location(templateName: name, offset: offset, in: Array(source.utf8))
  }
}

/// A node of a parsed template.
enum Node: Sendable {
  /// Literal bytes, output as is.
  case text([UInt8])
  /// `{{name}}`, `{{{name}}}` or `{{&name}}`.
  case variable(NamePath, escaped: Bool)
  /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
  case section(NamePath, inverted: Bool, children: [Node])
  /// `{{>name}}`; `indent` is the whitespace before a standalone tag, `nil` when inline.
  case partial(name: String, indent: [UInt8]?, offset: Int)
  /// The start of a source line: where a standalone partial's indentation goes.
  case lineStart
}

/// A parsed tag name: `.` (no components) or dot-separated components.
struct NamePath: Sendable {
  let components: [String]

  init(_ name: String) {
    components = name == "." ? [] : name.split(separator: ".").map(String.init)
  }
}
