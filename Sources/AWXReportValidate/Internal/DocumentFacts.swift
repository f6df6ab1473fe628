/// The few facts the rules need, copied out of libxml2's tree into Swift values.
///
/// `LibXML2Document.check` fills it during the parse; `StructureRules` and `SecurityRules`
/// read it. No C types.
struct DocumentFacts: Sendable, Equatable {
  /// One attribute, with its local name and namespace. Only the attributes a rule may read
  /// are recorded: `id`, `href`, `on…`, `class` on a `g`, `viewBox` on the root, and any
  /// attribute whose value holds ':' or '(' (needed by `javascript:` and `url(`). Geometry,
  /// path data and colours, which no rule reads, are left out.
  struct Attribute: Sendable, Equatable {
    var name: String
    var namespaceURI: String?
    var value: String
  }

  /// One element a rule may read (see `elements`), in document order.
  struct Element: Sendable, Equatable {
    var name: String
    var namespaceURI: String?
    var line: Int
    /// The attributes the rules may read (see `Attribute`), except a plain `id` attribute
    /// without ':' or '(' (in `id`) and `class` (in `classHasNode` / `classHasEdge`).
    var attributes: [Attribute]
    /// Concatenated text children, kept only for `title` and `style` elements.
    var text: String?
    /// Index in `DocumentFacts.elements` of the first element child, if any.
    var firstChild: Int?
    /// `false` only when `SecurityRules` has nothing to say about the element: it is not
    /// `script`, `foreignObject` or `style`, and no recorded attribute is `on…` or `href` or
    /// has a value holding ':' or '('. Lets the rules skip the many plain groups of a graph.
    var mayConcernSecurity = true
    /// The `id` attribute (no namespace), unless its value holds ':' or '(': it is then in
    /// `attributes`, where `SecurityRules` sees it.
    var id: String?
    /// Whether the `class` attribute (no namespace) has a `node` / an `edge` token among its
    /// whitespace-separated (space, tab, CR, LF) tokens. Only found on `g` elements.
    var classHasNode = false
    var classHasEdge = false

    /// The value of the attribute with this local name and no namespace.
    func attribute(_ name: String) -> String? {
      attributes.first { $0.name == name && $0.namespaceURI == nil }?.value
    }
  }

  /// The `<!DOCTYPE …>` declaration.
  struct Doctype: Sendable, Equatable {
    var name: String?
    var publicID: String?
    var systemID: String?
    var line: Int
  }

  var doctype: Doctype?
  /// The elements a rule may read, in document order: the root (`elements.first`), every `g`
  /// and its first element child (`firstChild`), `style`, `script`, `foreignObject`, and every
  /// element with a recorded attribute. `firstChild` is only set on a `g`.
  var elements: [Element]
}
