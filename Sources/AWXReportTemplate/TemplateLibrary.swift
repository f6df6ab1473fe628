/// A set of named templates, parsed up front, that can include each other as partials.
///
/// ```swift
/// let library = try TemplateLibrary(sources: [
///   "report.html.mustache": "<table>{{#rows}}{{>row.html.mustache}}{{/rows}}</table>",
///   "row.html.mustache": "<tr><td>{{name}}</td></tr>\n",
/// ])
/// let html = try library.render("report.html.mustache", ["rows": [["name": "a"]]])
/// ```
///
/// `{{>name}}` looks `name` up exactly among the library's template names. With
/// ``strictPartials`` (the default), a reference to a name the library does not hold is a parse
/// error, thrown by the initializer as ``TemplateError/unknownPartial(name:at:)`` with the tag's
/// position. Without it, such a reference renders as the empty string, as the Mustache spec asks.
///
/// Partials may be recursive (for trees); nesting deeper than ``maximumPartialDepth`` stops
/// rendering with ``TemplateError/partialRecursionTooDeep(name:at:)``.
package struct TemplateLibrary: Sendable {
  /// How deeply partials may nest while rendering before it is taken for runaway recursion.
  package static let maximumPartialDepth = 100

  /// Whether references to unknown partials were rejected when the library was built.
  package let strictPartials: Bool
  /// The templates, by name.
  package let templates: [String: Template]

  /// Parses named template sources.
  ///
  /// - Parameters:
  ///   - sources: Template text by name; the names are used in errors and as partial names.
  ///   - strictPartials: Reject `{{>name}}` tags naming no template of the library (default);
  ///     when `false`, they render as nothing.
  /// - Throws: The first ``TemplateError`` in name order: a parse error, or with
  ///   `strictPartials` an ``TemplateError/unknownPartial(name:at:)``.
  package init(sources: [String: String], strictPartials: Bool = true) throws(TemplateError) {
    var templates: [Template] = []
    for name in sources.keys.sorted() {
      templates.append(try Template(source: sources[name] ?? "", name: name))
    }
    try self.init(templates: templates, strictPartials: strictPartials)
  }

  /// Collects already parsed templates under their names.
  ///
  /// - Throws: ``TemplateError/duplicateTemplate(name:)`` when two templates share a name; with
  ///   `strictPartials`, ``TemplateError/unknownPartial(name:at:)`` for the first (in name and
  ///   source order) reference to a missing partial.
  package init(templates: [Template], strictPartials: Bool = true) throws(TemplateError) {
    var byName: [String: Template] = [:]
    for template in templates {
      guard byName.updateValue(template, forKey: template.name) == nil else {
        throw .duplicateTemplate(name: template.name)
      }
    }
    if strictPartials {
      for template in byName.values.sorted(by: { $0.name < $1.name }) {
        for tag in template.partialTags where byName[tag.name] == nil {
          throw .unknownPartial(name: tag.name, at: template.location(ofOffset: tag.offset))
        }
      }
    }
    self.templates = byName
    self.strictPartials = strictPartials
  }

  /// The template named `name`, if the library holds it.
  package subscript(name: String) -> Template? { templates[name] }

  /// The names of the templates, sorted.
  package var names: [String] { templates.keys.sorted() }

  /// Renders the template named `name` with `value` as the root context.
  ///
  /// - Throws: ``TemplateError/unknownTemplate(name:)`` when there is no such template, and
  ///   ``TemplateError/partialRecursionTooDeep(name:at:)`` for runaway partial recursion.
  package func render(_ name: String, _ value: TemplateValue) throws(TemplateError) -> String {
    String(decoding: try renderBytes(name, value), as: UTF8.self)
  }

  /// Renders the template named `name` with `value` as the root context, as UTF-8 bytes: what
  /// ``render(_:_:)`` returns, without copying a large page into a `String` and back.
  ///
  /// `capacity`, when given, is the expected size of the output: reserved up front, it spares
  /// a large page the copies (and the moment with two buffers) of growing by doubling.
  ///
  /// - Throws: as ``render(_:_:)``.
  package func renderBytes(_ name: String, _ value: TemplateValue, capacity: Int? = nil)
    throws(TemplateError) -> [UInt8]
  {
    guard let template = templates[name] else { throw .unknownTemplate(name: name) }
    var renderer = Renderer(
      partials: templates, capacity: max(template.source.utf8.count, (capacity ?? 0) / 2))
    try renderer.render(template, value)
    return renderer.finishBytes()
  }
}
