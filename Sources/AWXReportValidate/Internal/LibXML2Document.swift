// The only file that touches libxml2 and raw pointers. Everything else sees Swift values:
// `DocumentFacts`, `LibXML2Message`, `RejectedDeclaration`, `SchemaOutcome`.
//
// Thread safety (libxml2 2.9.14, built with LIBXML_THREAD_ENABLED):
// - `xmlInitParser` runs once, through the `LibXML2.ready` static let.
// - The structured error handler (`xmlStructuredError` / `xmlStructuredErrorContext`) is per
//   thread in a threaded build, so `collectingErrors` sets it and restores the previous one on
//   the calling thread only, around each parse / validation / DTD load.
// - Each parse has its own `xmlParserCtxt` and dictionary; documents are never shared.
// - The parsed SVG 1.1 DTD is shared (loaded once per catalog setting) and read-only after
//   loading: every element's content model is compiled at load (`xmlValidBuildContentModel`),
//   which is the only thing validation would otherwise write into it. A validating parse
//   points its own document's `extSubset` at the shared DTD while it runs and detaches it
//   before the document is freed, so any number of threads validate at once, without a lock.
// - The external entity loader is set once, process-wide, to `xmlNoNetExternalEntityLoader`.
// - An XML Schema is compiled per validation, with its own parser and validation contexts.
internal import CLibXML2
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One-time libxml2 set-up.
enum LibXML2 {
  /// Touch before any libxml2 call: initialises the parser once and forbids network loads
  /// (`http://`, `ftp://`) for every entity or DTD libxml2 might open, catalogs included.
  static let ready: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
  }()

  /// Public identifier of the W3C SVG 1.1 DTD.
  static let svg11PublicID = "-//W3C//DTD SVG 1.1//EN"
  /// System identifier of the W3C SVG 1.1 DTD (resolved through the catalog, never fetched).
  static let svg11SystemID = "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"
}

// MARK: - Error collection

/// What the C callbacks write into, through `xmlStructuredErrorContext` and `ctxt->_private`.
private struct CallbackState {
  var messages: [LibXML2Message] = []
  /// Validity messages (`XML_FROM_VALID`), each with the key `order` gave it when raised.
  var validity: [(message: LibXML2Message, order: Int)] = []
  var rejected: RejectedDeclaration?
  var doctype: DocumentFacts.Doctype?
  /// The shared DTD a validating parse attaches to its document at the root element.
  var dtd: xmlDtdPtr?
  /// Elements started so far, and the indices of those still open.
  var elementCount = 0
  var openElements: [Int] = []
  /// Where a validity message raised now belongs in a pre-order walk of the tree (the order
  /// `xmlValidateDtd` reports in): element `i`'s own checks (raised at its end tag) sort as
  /// `2i`, its attribute and namespace checks (raised at its start tag) as `2i + 1`, and the
  /// document's final checks (IDREFs) last.
  var order = Int.max
  /// Set when the parse gathers `DocumentFacts` as it goes (and frees the tree as it goes).
  var gatherer: FactGatherer?
}

/// Runs `body` with libxml2's structured error handler collecting into `state`, and restores
/// the calling thread's previous handler afterwards.
private func collectingErrors<T>(
  into state: UnsafeMutablePointer<CallbackState>, _ body: () -> T
) -> T {
  _ = LibXML2.ready
  let previousHandler = __xmlStructuredError().pointee
  let previousContext = __xmlStructuredErrorContext().pointee
  xmlSetStructuredErrorFunc(UnsafeMutableRawPointer(state)) { context, error in
    record(error, into: context)
  }
  defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
  return body()
}

/// The body of every structured error handler: `context` is the `CallbackState`.
private func record(_ error: xmlErrorPtr?, into context: UnsafeMutableRawPointer?) {
  guard let context, let error else { return }
  let state = context.assumingMemoryBound(to: CallbackState.self)
  // After a rejected declaration the parser is stopped; what follows is noise.
  guard state.pointee.rejected == nil else { return }
  let copied = message(from: error.pointee)
  if error.pointee.domain == Int32(XML_FROM_VALID.rawValue) {
    state.pointee.validity.append((copied, state.pointee.order))
  } else {
    state.pointee.messages.append(copied)
  }
}

/// Copies a libxml2 error into Swift. Validity errors carry the element and no column (the
/// parser's column, when raised during a parse, is where the parser is, not the element): the
/// line then comes from `lineNumber(of:)`, which stays right past line 65,535.
private func message(from error: xmlError) -> LibXML2Message {
  let isValidity = error.domain == Int32(XML_FROM_VALID.rawValue)
  var line = Int(error.line)
  var column = Int(error.int2)
  if let node = error.node?.assumingMemoryBound(to: xmlNode.self) {
    let nodeLine = lineNumber(of: node)
    if nodeLine > 0 { line = nodeLine }
    if isValidity { column = 0 }
  }
  let raw = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
  return LibXML2Message(
    isValidity: isValidity, isWarning: error.level == XML_ERR_WARNING, line: line,
    column: column, text: LibXML2Message.oneLine(raw))
}

/// The line of `node`. Past 65,535 `xmlNode.line` saturates. libxml2 2.9 keeps big lines
/// (`XML_PARSE_BIG_LINES`) only on text nodes, and `xmlGetLineNo` then answers for an element
/// with a neighbouring text node's line (often one too many), so the `startElementNs` hook
/// stores an element's real line in its otherwise unused `psvi` field.
private func lineNumber(of node: xmlNodePtr) -> Int {
  if node.pointee.type == XML_ELEMENT_NODE, node.pointee.line == UInt16.max,
    let stored = node.pointee.psvi
  {
    return Int(bitPattern: stored)
  }
  return Int(xmlGetLineNo(node))
}

// MARK: - SAX hooks: refuse internal-subset declarations before libxml2 acts on them

private func callbackState(_ context: UnsafeMutableRawPointer?)
  -> (xmlParserCtxtPtr, UnsafeMutablePointer<CallbackState>)?
{
  guard let context else { return nil }
  let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
  guard let state = parser.pointee._private?.assumingMemoryBound(to: CallbackState.self)
  else { return nil }
  return (parser, state)
}

/// Records the first declaration and stops the parser. The entity is never created, so it
/// can be neither expanded (billion laughs) nor loaded (XXE).
private func reject(
  _ context: UnsafeMutableRawPointer?, _ kind: RejectedDeclaration.Kind,
  _ name: UnsafePointer<xmlChar>?
) {
  guard let (parser, state) = callbackState(context) else { return }
  if state.pointee.rejected == nil {
    state.pointee.rejected = RejectedDeclaration(
      kind: kind, name: name.map { String(cString: $0) } ?? "",
      line: Int(xmlSAX2GetLineNumber(context)))
  }
  xmlStopParser(parser)
}

/// Before the root element of a validating parse: gives the document the shared DTD as its
/// external subset (and an empty, nameless internal subset if it has none, since libxml2
/// validates during the parse only when one exists), and marks the DTD as finished, which
/// skips `xmlValidateDtdFinal` (checks of the DTD itself, which is known good) and
/// `xmlValidateRoot` (the DOCTYPE name is `DoctypeRule`'s business), as `xmlValidateDtd` does.
private func attachDTD(_ parser: xmlParserCtxtPtr, _ state: UnsafeMutablePointer<CallbackState>) {
  guard let dtd = state.pointee.dtd, parser.pointee.validate != 0,
    let doc = parser.pointee.myDoc, doc.pointee.extSubset == nil
  else { return }
  if doc.pointee.intSubset == nil {
    _ = xmlCreateIntSubset(doc, nil, nil, nil)
  }
  doc.pointee.extSubset = dtd
  parser.pointee.vctxt.finishDtd = UInt32(AWX_XML_CTXT_FINISH_DTD_1)
}

private func installHooks(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
  sax.pointee.startElementNs = { context, name, prefix, uri, nsCount, ns, count, defaults, atts in
    guard let (parser, state) = callbackState(context) else {
      xmlSAX2StartElementNs(context, name, prefix, uri, nsCount, ns, count, defaults, atts)
      return
    }
    let index = state.pointee.elementCount
    if index == 0 { attachDTD(parser, state) }
    state.pointee.elementCount += 1
    state.pointee.openElements.append(index)
    state.pointee.order = 2 * index + 1
    xmlSAX2StartElementNs(context, name, prefix, uri, nsCount, ns, count, defaults, atts)
    state.pointee.order = Int.max
    // `ctxt->node` is the new element unless the builder refused it; its name is `name`.
    var created: xmlNodePtr?
    if let node = parser.pointee.node, node.pointee.name == name {
      created = node
      if node.pointee.line == UInt16.max {
        node.pointee.psvi = UnsafeMutableRawPointer(
          bitPattern: Int(xmlSAX2GetLineNumber(context)))
      }
    }
    state.pointee.gatherer?.start(created)
  }
  sax.pointee.endElementNs = { context, name, prefix, uri in
    guard let (_, state) = callbackState(context) else {
      xmlSAX2EndElementNs(context, name, prefix, uri)
      return
    }
    if let index = state.pointee.openElements.popLast() { state.pointee.order = 2 * index }
    xmlSAX2EndElementNs(context, name, prefix, uri)
    state.pointee.order = Int.max
    // After `xmlSAX2EndElementNs`: the element has been validated, its children are done with.
    state.pointee.gatherer?.end()
  }
  sax.pointee.internalSubset = { context, name, externalID, systemID in
    if let (_, state) = callbackState(context) {
      state.pointee.doctype = DocumentFacts.Doctype(
        name: name.map { String(cString: $0) },
        publicID: externalID.map { String(cString: $0) },
        systemID: systemID.map { String(cString: $0) },
        line: Int(xmlSAX2GetLineNumber(context)))
    }
    xmlSAX2InternalSubset(context, name, externalID, systemID)
  }
  // Never load the DOCTYPE's external subset, whatever it names: a validating parse uses the
  // shared, already-loaded SVG 1.1 DTD instead (see `attachDTD`).
  sax.pointee.externalSubset = { _, _, _, _ in }
  sax.pointee.entityDecl = { context, name, _, _, _, _ in reject(context, .entity, name) }
  sax.pointee.elementDecl = { context, name, _, _ in reject(context, .element, name) }
  sax.pointee.notationDecl = { context, name, _, _ in reject(context, .notation, name) }
  sax.pointee.attributeDecl = { context, element, _, _, _, _, tree in
    // The handler owns the enumeration tree; the default one stores or frees it.
    if let tree { xmlFreeEnumeration(tree) }
    reject(context, .attributeList, element)
  }
}

// MARK: - Document

/// An SVG document parsed by libxml2. Owns the `xmlDoc` and frees it on `deinit`.
final class LibXML2Document {
  /// The result of `parse` (a tree) or `check` (facts) when the bytes were well-formed and
  /// nothing was rejected.
  struct ParseOutcome {
    var document: LibXML2Document?
    /// What the rules need, from `check`, DOCTYPE included.
    var facts: DocumentFacts?
    /// Well-formedness (and other non-validity) messages.
    var messages: [LibXML2Message]
    /// DTD validity messages, when the parse validated, in the order `xmlValidateDtd` would
    /// give them. Empty unless `document` is there.
    var validity: [LibXML2Message] = []
    var rejected: RejectedDeclaration?
    /// The `<!DOCTYPE …>`, if any.
    var doctype: DocumentFacts.Doctype?
  }

  /// Safe parsing: no network, no entity substitution (`XML_PARSE_NOENT` is absent), no
  /// external DTD loading or attribute defaulting, no `XML_PARSE_HUGE` (libxml2's size and
  /// depth limits stay on), real line numbers past 65,535, and small text stored inline in
  /// its node (`XML_PARSE_COMPACT`: fewer allocations).
  private static let parseOptions: Int32 = {
    let options = [
      XML_PARSE_NONET, XML_PARSE_NOERROR, XML_PARSE_NOWARNING, XML_PARSE_BIG_LINES,
      XML_PARSE_COMPACT,
    ]
    return options.reduce(Int32(0)) { $0 | Int32($1.rawValue) }
  }()

  private let doc: xmlDocPtr

  private init(doc: xmlDocPtr) {
    self.doc = doc
  }

  deinit {
    xmlFreeDoc(doc)
  }

  /// Parses `bytes` with libxml2's own well-formedness checks.
  /// - Parameters:
  ///   - bytes: The document; must not be empty (libxml2 rejects an empty buffer silently).
  ///   - fileName: Recorded as the document URL (informational only, never opened).
  ///   - dtd: When given, the document is validated against it during the parse, whatever
  ///     its DOCTYPE says (its external subset is never loaded).
  /// - Returns: The tree (if any), libxml2's messages, and the first rejected declaration.
  static func parse(
    _ bytes: [UInt8], fileName: String, validatingAgainst dtd: LibXML2DTD? = nil
  ) -> ParseOutcome {
    bytes.withUnsafeBufferPointer { parse($0, fileName: fileName, validatingAgainst: dtd) }
  }

  /// Parses the bytes in `bytes` (valid for the call only; libxml2 copies what it keeps).
  static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, fileName: String, validatingAgainst dtd: LibXML2DTD? = nil
  ) -> ParseOutcome {
    run(bytes, fileName: fileName, dtd: dtd, gather: false)
  }

  /// Parses `bytes` like `parse`, but keeps no tree: the facts the rules need are gathered
  /// during the parse, and each element's children are freed as soon as libxml2 has validated
  /// the element, so memory stays near the size of the facts rather than of the tree.
  /// - Returns: `facts` (no `document`) when the bytes were well-formed.
  static func check(
    _ bytes: UnsafeBufferPointer<UInt8>, fileName: String, validatingAgainst dtd: LibXML2DTD?
  ) -> ParseOutcome {
    run(bytes, fileName: fileName, dtd: dtd, gather: true)
  }

  private static func run(
    _ bytes: UnsafeBufferPointer<UInt8>, fileName: String, dtd: LibXML2DTD?, gather: Bool
  ) -> ParseOutcome {
    var state = CallbackState()
    if gather { state.gatherer = FactGatherer() }
    guard let length = Int32(exactly: bytes.count) else {
      let tooLarge = LibXML2Message(
        isValidity: false, isWarning: false, line: 1, column: 1,
        text: "document is too large for libxml2 (\(bytes.count) bytes)")
      return ParseOutcome(document: nil, messages: [tooLarge])
    }
    state.dtd = dtd?.pointer
    var options = parseOptions
    if dtd != nil { options |= Int32(XML_PARSE_DTDVALID.rawValue) }
    let doc: xmlDocPtr? = withUnsafeMutablePointer(to: &state) { statePointer in
      collectingErrors(into: statePointer) {
        withExtendedLifetime(dtd) {
          parseDocument(bytes, length: length, fileName: fileName, options: options, statePointer)
        }
      }
    }
    // A stopped parse may still hand back a partial tree: wrap it so it is freed either way.
    var document = doc.map(LibXML2Document.init(doc:))
    if state.rejected != nil { document = nil }
    var facts: DocumentFacts?
    if gather, document != nil, let gatherer = state.gatherer {
      facts = DocumentFacts(doctype: state.doctype, elements: gatherer.elements)
      document = nil
    }
    // Without a tree there is nothing valid or invalid: `xmlValidateDtd` would not have run.
    let validity = document == nil && facts == nil ? [] : orderedValidity(state.validity)
    return ParseOutcome(
      document: document, facts: facts, messages: state.messages, validity: validity,
      rejected: state.rejected, doctype: state.doctype)
  }

  /// What `xmlCtxtReadMemory` does, except that the document is taken out of the context
  /// before anything frees it, so the shared DTD can be detached from it first.
  private static func parseDocument(
    _ bytes: UnsafeBufferPointer<UInt8>, length: Int32, fileName: String, options: Int32,
    _ state: UnsafeMutablePointer<CallbackState>
  ) -> xmlDocPtr? {
    let created = bytes.withMemoryRebound(to: CChar.self) { chars in
      xmlCreateMemoryParserCtxt(chars.baseAddress, length)
    }
    guard let parser = created else { return nil }
    defer { xmlFreeParserCtxt(parser) }
    parser.pointee._private = UnsafeMutableRawPointer(state)
    if let sax = parser.pointee.sax { installHooks(sax) }
    _ = xmlCtxtUseOptions(parser, options)
    if let input = parser.pointee.input, input.pointee.filename == nil {
      input.pointee.filename = UnsafePointer(
        xmlCharStrdup(fileName).map {
          UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
        })
    }
    _ = xmlParseDocument(parser)
    guard let doc = parser.pointee.myDoc else { return nil }
    parser.pointee.myDoc = nil
    if let dtd = state.pointee.dtd, doc.pointee.extSubset == dtd {
      doc.pointee.extSubset = nil
    }
    if doc.pointee.URL == nil { doc.pointee.URL = UnsafePointer(xmlCharStrdup(fileName)) }
    guard parser.pointee.wellFormed != 0 else {
      xmlFreeDoc(doc)
      return nil
    }
    return doc
  }

  /// Validity messages in `xmlValidateDtd`'s order (see `CallbackState.order`); ties keep the
  /// order they were raised in.
  private static func orderedValidity(
    _ raised: [(message: LibXML2Message, order: Int)]
  ) -> [LibXML2Message] {
    raised.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
      .map(\.element.message)
  }
}

// MARK: - Facts for the rules, gathered during the parse

/// Builds `DocumentFacts` from each element as the tree builder creates it, and frees each
/// element's children once libxml2 has validated the element (at its end tag), so the tree
/// never holds more than the open elements and their children.
///
/// Only the elements a rule can read are recorded: the root, every `g` and its first element
/// child, `style`, `script`, `foreignObject`, and any element with an attribute a rule reads
/// (see `attributes(of:isRoot:isGroup:)`). Order and lines are the document's.
private struct FactGatherer {
  private(set) var elements: [DocumentFacts.Element] = []

  /// One open element: its node (`nil` when the builder refused it), its index in `elements`
  /// (or -1), whether its text is kept, and whether it is a `g` still waiting for its first
  /// element child.
  private struct Open {
    var node: xmlNodePtr?
    var index: Int
    var keepsText: Bool
    var awaitsFirstChild: Bool
  }

  private var open: [Open] = []
  private var sawRoot = false
  private var namespaces = NamespaceCache()

  /// The element names the rules look at.
  private enum Kind {
    case group, title, style, script, foreignObject, other

    /// The name as a Swift literal (no conversion), `nil` for `other`.
    var name: String? {
      switch self {
      case .group: "g"
      case .title: "title"
      case .style: "style"
      case .script: "script"
      case .foreignObject: "foreignObject"
      case .other: nil
      }
    }

    init(_ name: UnsafePointer<xmlChar>) {
      func equals(_ wanted: StaticString) -> Bool {
        let count = wanted.utf8CodeUnitCount
        for k in 0..<count where name[k] != wanted.utf8Start[k] { return false }
        return name[count] == 0
      }
      switch name[0] {
      case UInt8(ascii: "g"): self = name[1] == 0 ? .group : .other
      case UInt8(ascii: "t"): self = equals("title") ? .title : .other
      case UInt8(ascii: "s"): self = equals("style") ? .style : equals("script") ? .script : .other
      case UInt8(ascii: "f"): self = equals("foreignObject") ? .foreignObject : .other
      default: self = .other
      }
    }
  }

  /// At a start tag, after the tree builder made `node` (`nil` if it refused to).
  mutating func start(_ node: xmlNodePtr?) {
    guard let node, let name = node.pointee.name else {
      open.append(Open(node: node, index: -1, keepsText: false, awaitsFirstChild: false))
      return
    }
    let isRoot = !sawRoot
    sawRoot = true
    var isFirstChildOfGroup = false
    if let parent = open.last, parent.awaitsFirstChild {
      open[open.count - 1].awaitsFirstChild = false
      elements[parent.index].firstChild = elements.count
      isFirstChildOfGroup = true
    }
    let kind = Kind(name)
    let gathered = Self.attributes(
      of: node, isRoot: isRoot, isGroup: kind == .group, namespaces: &namespaces)
    let recorded =
      isRoot || isFirstChildOfGroup || !gathered.attributes.isEmpty || gathered.id != nil
      || (kind != .other && kind != .title)
    guard recorded else {
      open.append(Open(node: node, index: -1, keepsText: false, awaitsFirstChild: false))
      return
    }
    open.append(
      Open(
        node: node, index: elements.count, keepsText: kind == .title || kind == .style,
        awaitsFirstChild: kind == .group))
    var element = DocumentFacts.Element(
      name: kind.name ?? String(cString: name), namespaceURI: namespaces.uri(node.pointee.ns),
      line: lineNumber(of: node), attributes: gathered.attributes, text: nil, firstChild: nil)
    element.mayConcernSecurity =
      gathered.unsafe || kind == .style || kind == .script || kind == .foreignObject
    element.id = gathered.id
    element.classHasNode = gathered.classTokens.node
    element.classHasEdge = gathered.classTokens.edge
    elements.append(element)
  }

  /// At an end tag, after libxml2 validated the element: keeps its text if wanted, then frees
  /// its children (theirs were freed at their own end tags).
  mutating func end() {
    guard let closed = open.popLast(), let node = closed.node else { return }
    if closed.keepsText, closed.index >= 0 {
      var text = ""
      var child = node.pointee.children
      while let current = child {
        if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
          let content = current.pointee.content
        {
          text += String(cString: content)
        }
        child = current.pointee.next
      }
      elements[closed.index].text = text
    }
    Self.freeChildren(of: node)
  }

  /// Frees `node`'s children. An `ID` attribute would remove its value from the document's ID
  /// table as it is freed, and a later duplicate would then go unreported: it is made a plain
  /// attribute first (the table never reads the attribute again).
  private static func freeChildren(of node: xmlNodePtr) {
    guard let children = node.pointee.children else { return }
    var child: xmlNodePtr? = children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE {
        var attribute = current.pointee.properties
        while let property = attribute {
          if property.pointee.atype == XML_ATTRIBUTE_ID {
            property.pointee.atype = XML_ATTRIBUTE_CDATA
          }
          attribute = property.pointee.next
        }
      }
      child = current.pointee.next
    }
    node.pointee.children = nil
    node.pointee.last = nil
    xmlFreeNodeList(children)
  }

  /// The attributes a rule may read: `id` and `href` anywhere, `class` on a `g`, `viewBox` on
  /// the root, every `on…` attribute, and any attribute whose value holds ':' or '(' (what
  /// `javascript:` and `url(` need). The rest, mostly geometry and long path data, stays in C.
  /// - Returns: The attributes, and whether one of them is `on…` or `href` or has a value
  ///   holding ':' or '(' (see `DocumentFacts.Element.mayConcernSecurity`).
  private static func attributes(
    of node: xmlNodePtr, isRoot: Bool, isGroup: Bool, namespaces: inout NamespaceCache
  ) -> Gathered {
    var gathered = Gathered()
    var attribute = node.pointee.properties
    while let current = attribute {
      defer { attribute = current.pointee.next }
      // Most attributes are geometry (x, y, d, points…): judged on the C name, no String.
      let (reason, knownName) =
        current.pointee.name.map { readReason($0, isRoot: isRoot, isGroup: isGroup) }
        ?? (.none, nil)
      var holdsLink = false
      if reason != .security {
        var part = current.pointee.children
        while !holdsLink, let text = part {
          if let content = text.pointee.content, mayHoldLink(content) { holdsLink = true }
          part = text.pointee.next
        }
      }
      guard reason != .none || holdsLink else { continue }
      if reason == .security || holdsLink { gathered.unsafe = true }
      let plain = current.pointee.ns == nil
      if knownName == "class" {
        // Read in C, token by token; kept as a string only for `SecurityRules`.
        if plain { gathered.classTokens = ClassTokens(current.pointee.children) }
        guard holdsLink else { continue }
      }
      let name = knownName ?? current.pointee.name.map { String(cString: $0) } ?? ""
      var value = ""
      var part = current.pointee.children
      while let text = part {
        if let content = text.pointee.content { value += String(cString: content) }
        part = text.pointee.next
      }
      if knownName == "id", plain, !holdsLink, gathered.id == nil {
        gathered.id = value
        continue
      }
      gathered.attributes.append(
        DocumentFacts.Attribute(
          name: name, namespaceURI: namespaces.uri(current.pointee.ns), value: value))
    }
    return gathered
  }

  /// What `attributes(of:isRoot:isGroup:namespaces:)` found on one element.
  private struct Gathered {
    var attributes: [DocumentFacts.Attribute] = []
    /// Some attribute is `on…` or `href` or has a value holding ':' or '('.
    var unsafe = false
    var id: String?
    var classTokens = ClassTokens()
  }

  /// Whether a `class` value has the token `node` / `edge`, read from the attribute's text
  /// nodes byte by byte (tokens are separated by space, tab, CR or LF).
  private struct ClassTokens {
    private(set) var node = false
    private(set) var edge = false

    init() {}

    init(_ children: xmlNodePtr?) {
      // The current token's length and its first four bytes, big-endian.
      var length = 0
      var packed: UInt32 = 0
      var part = children
      while let text = part {
        if var byte = text.pointee.content {
          while byte.pointee != 0 {
            let value = byte.pointee
            if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D {
              finish(length, packed)
              (length, packed) = (0, 0)
            } else {
              if length < 4 { packed = packed << 8 | UInt32(value) }
              length += 1
            }
            byte += 1
          }
        }
        part = text.pointee.next
      }
      finish(length, packed)
    }

    private mutating func finish(_ length: Int, _ packed: UInt32) {
      guard length == 4 else { return }
      if packed == 0x6E6F_6465 { node = true }  // "node"
      if packed == 0x6564_6765 { edge = true }  // "edge"
    }
  }

  /// Why a rule reads an attribute, by name alone.
  private enum ReadReason {
    /// No rule reads it by name (its value may still matter).
    case none
    /// `id`, `class` on a group, `viewBox` on the root: `StructureRules`.
    case structure
    /// `on…` (any case) or `href`: `SecurityRules`.
    case security
  }

  /// Why a rule reads the attribute `name`, and the name as a literal when it is a fixed one.
  private static func readReason(
    _ name: UnsafePointer<xmlChar>, isRoot: Bool, isGroup: Bool
  ) -> (ReadReason, String?) {
    let first = name[0]
    guard first != 0 else { return (.none, nil) }
    if first | 0x20 == UInt8(ascii: "o"), name[1] | 0x20 == UInt8(ascii: "n") {
      return (.security, nil)
    }
    let wanted: StaticString
    let reason: ReadReason
    let literal: String
    switch first {
    case UInt8(ascii: "i"): (wanted, reason, literal) = ("id", .structure, "id")
    case UInt8(ascii: "h"): (wanted, reason, literal) = ("href", .security, "href")
    case UInt8(ascii: "c") where isGroup: (wanted, reason, literal) = ("class", .structure, "class")
    case UInt8(ascii: "v") where isRoot:
      (wanted, reason, literal) = ("viewBox", .structure, "viewBox")
    default: return (.none, nil)
    }
    let count = wanted.utf8CodeUnitCount
    for k in 1...count {
      let expected = k < count ? wanted.utf8Start[k] : 0
      if name[k] != expected { return (.none, nil) }
    }
    return (reason, literal)
  }

  /// Whether a C string holds ':' or '(' (glibc's `strpbrk` is vectorised).
  private static func mayHoldLink(_ content: UnsafePointer<xmlChar>) -> Bool {
    content.withMemoryRebound(to: CChar.self, capacity: 1) { strpbrk($0, ":(") != nil }
  }
}

/// Namespace URIs as Swift strings, one conversion per `xmlNs` (all elements of an SVG
/// share the root's), since a 26-byte URI costs an allocation each time.
private struct NamespaceCache {
  private var known: [(ns: xmlNsPtr, uri: String)] = []

  mutating func uri(_ ns: xmlNsPtr?) -> String? {
    guard let ns else { return nil }
    if let hit = known.first(where: { $0.ns == ns }) { return hit.uri }
    let uri = ns.pointee.href.map { String(cString: $0) }
    if let uri, known.count < 8 { known.append((ns, uri)) }
    return uri
  }
}

// MARK: - XML Schema

extension LibXML2Document {
  /// What validating against an XML Schema found.
  enum SchemaOutcome {
    /// The schema did not compile; its messages.
    case unusableSchema([LibXML2Message])
    /// The document's validity messages (none when it is valid) and libxml2's result code.
    case validated([LibXML2Message], code: Int32)
  }

  /// Validates the tree against the XML Schema (XSD) in `schema`.
  ///
  /// The schema is compiled from a tree that went through ``parse(_:fileName:)``, not from
  /// bytes: `xmlSchemaNewMemParserCtxt` would read it with `XML_PARSE_NOENT` (entities
  /// substituted). Includes and imports go through the no-network entity loader. Compiling
  /// and validating use their own contexts, so calls may run on any number of threads.
  func validate(againstSchema schema: LibXML2Document) -> SchemaOutcome {
    var state = CallbackState()
    return withUnsafeMutablePointer(to: &state) { statePointer in
      collectingErrors(into: statePointer) {
        let handler: xmlStructuredErrorFunc = { context, error in record(error, into: context) }
        // The schema keeps pointers into its tree (annotations) and does not free the tree
        // (a caller-provided document is preserved), so `schema` outlives it here.
        guard let parser = xmlSchemaNewDocParserCtxt(schema.doc) else {
          return .unusableSchema(statePointer.pointee.messages)
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, handler, statePointer)
        guard let compiled = xmlSchemaParse(parser) else {
          return .unusableSchema(statePointer.pointee.messages)
        }
        defer { xmlSchemaFree(compiled) }
        statePointer.pointee.messages.removeAll { $0.isWarning }
        guard statePointer.pointee.messages.isEmpty else {
          return .unusableSchema(statePointer.pointee.messages)
        }
        guard let validator = xmlSchemaNewValidCtxt(compiled) else {
          return .unusableSchema([])
        }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, handler, statePointer)
        let code = withExtendedLifetime(schema) { xmlSchemaValidateDoc(validator, doc) }
        return .validated(statePointer.pointee.messages, code: code)
      }
    }
  }
}

// MARK: - DTD

/// The W3C SVG 1.1 DTD, parsed once per catalog setting and shared between threads.
///
/// `@unchecked Sendable`: the pointer never changes after loading, and validation only reads
/// the DTD, since every element's content model is compiled at load (`buildContentModels`).
final class LibXML2DTD: @unchecked Sendable {
  /// Either a loaded DTD, or why it could not be loaded.
  enum Availability: Sendable {
    case loaded(LibXML2DTD)
    case unavailable(reason: String)
  }

  private static let cache = Mutex<[[String]?: Availability]>([:])

  private let dtd: xmlDtdPtr

  private init(dtd: xmlDtdPtr) {
    self.dtd = dtd
  }

  deinit {
    xmlFreeDtd(dtd)
  }

  /// The DTD, for a validating parse to attach to its document (read only).
  fileprivate var pointer: xmlDtdPtr { dtd }

  /// The SVG 1.1 DTD, resolved offline and cached for the life of the process.
  /// - Parameter catalogFiles: XML catalogs to resolve the public identifier with, or `nil`
  ///   for libxml2's default catalogs (`XML_CATALOG_FILES`, else `/etc/xml/catalog`).
  static func svg11(catalogFiles: [String]?) -> Availability {
    cache.withLock { cache in
      if let known = cache[catalogFiles] { return known }
      let loaded = load(catalogFiles: catalogFiles)
      cache[catalogFiles] = loaded
      return loaded
    }
  }

  private static func load(catalogFiles: [String]?) -> Availability {
    var state = CallbackState()
    return withUnsafeMutablePointer(to: &state) { statePointer in
      collectingErrors(into: statePointer) {
        guard let uri = resolve(catalogFiles: catalogFiles) else {
          return .unavailable(
            reason: "the XML catalog does not resolve \"\(LibXML2.svg11PublicID)\"")
        }
        guard let dtd = xmlParseDTD(nil, uri) else {
          let detail = statePointer.pointee.messages.first.map { ": \($0.text)" } ?? ""
          return .unavailable(reason: "cannot load \(uri)\(detail)")
        }
        let loaded = LibXML2DTD(dtd: dtd)
        guard buildContentModels(dtd) else {
          return .unavailable(reason: "cannot compile the content models of \(uri)")
        }
        return .loaded(loaded)
      }
    }
  }

  /// Compiles every element's content model now, once, so that validation never writes into
  /// the shared DTD (libxml2 would otherwise compile each one on first use, on whichever
  /// thread gets there first).
  /// - Returns: Whether every model compiled.
  private static func buildContentModels(_ dtd: xmlDtdPtr) -> Bool {
    guard let elements = dtd.pointee.elements, let context = xmlNewValidCtxt() else {
      return false
    }
    defer { xmlFreeValidCtxt(context) }
    var failed = false
    withUnsafeMutablePointer(to: &failed) { failedPointer in
      context.pointee.userData = UnsafeMutableRawPointer(failedPointer)
      xmlHashScan(
        OpaquePointer(elements),
        { payload, data, _ in
          guard let payload, let data else { return }
          let context = data.assumingMemoryBound(to: xmlValidCtxt.self)
          let element = payload.assumingMemoryBound(to: xmlElement.self)
          if xmlValidBuildContentModel(context, element) == 0 {
            context.pointee.userData?.assumingMemoryBound(to: Bool.self).pointee = true
          }
        }, UnsafeMutableRawPointer(context))
    }
    return !failed
  }

  /// The URI the catalog maps the SVG 1.1 identifiers to; `nil` when it maps nothing.
  private static func resolve(catalogFiles: [String]?) -> String? {
    guard let catalogFiles else {
      return take(xmlCatalogResolve(LibXML2.svg11PublicID, LibXML2.svg11SystemID))
    }
    for file in catalogFiles {
      guard let catalog = xmlLoadACatalog(file) else { continue }
      defer { xmlFreeCatalog(catalog) }
      let uri = take(xmlACatalogResolve(catalog, LibXML2.svg11PublicID, LibXML2.svg11SystemID))
      if let uri { return uri }
    }
    return nil
  }

  /// Copies and frees a string libxml2 allocated for us. `xmlFree` is a C global variable,
  /// which Swift 6 refuses to read; `xmlMemGet` hands out the same function.
  private static func take(_ string: UnsafeMutablePointer<xmlChar>?) -> String? {
    guard let string else { return nil }
    var free: xmlFreeFunc?
    _ = xmlMemGet(&free, nil, nil, nil)
    defer { free?(string) }
    return String(cString: string)
  }
}
