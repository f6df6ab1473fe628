/// Checks an SVG document before it is published.
///
/// In order: libxml2 parses it safely (no network, no entity expansion; any declaration in
/// an internal DTD subset is refused before libxml2 acts on it) and, during the same parse,
/// validates it against the W3C SVG 1.1 DTD resolved offline through the XML catalog (loaded
/// once; the document's own DOCTYPE is never loaded), then our structural rules and
/// security rules run over facts taken from the tree. See ``ValidationIssue/Rule``.
///
/// `SVGValidator` is a value and can be used from any number of threads at once: each document
/// is validated during its own parse against the shared, once-loaded DTD, which it only reads.
package struct SVGValidator: Sendable {
  /// Settings for a validator.
  package struct Options: Sendable, Equatable {
    /// When `true`, an unavailable SVG 1.1 DTD is an error in the report's issues; otherwise
    /// it is reported only through ``ValidationReport/dtdStatus`` and
    /// ``ValidationReport/dtdNotice``. The other checks run either way.
    package var strict: Bool
    /// XML catalog files used to resolve the SVG 1.1 DTD, or `nil` for libxml2's defaults
    /// (`XML_CATALOG_FILES` if set when libxml2 first reads catalogs, else
    /// `/etc/xml/catalog`). An empty array means "no catalog": the DTD is unavailable.
    package var catalogFiles: [String]?

    /// Creates options.
    /// - Parameters:
    ///   - strict: Whether an unavailable DTD is an error.
    ///   - catalogFiles: Catalogs for the SVG 1.1 DTD, `nil` for the system ones.
    package init(strict: Bool = false, catalogFiles: [String]? = nil) {
      self.strict = strict
      self.catalogFiles = catalogFiles
    }
  }

  /// The SVG namespace the root element must be in.
  package static let svgNamespace = "http://www.w3.org/2000/svg"
  /// The DOCTYPE public identifier a document may carry (the DTD it is validated against).
  package static let svg11PublicID = "-//W3C//DTD SVG 1.1//EN"

  /// The settings.
  package var options: Options

  /// Creates a validator.
  /// - Parameter options: The settings.
  package init(options: Options = .init()) {
    self.options = options
  }

  /// Validates one document.
  /// - Parameters:
  ///   - bytes: The file's contents (UTF-8 or with an XML encoding declaration).
  ///   - fileName: The name used in the report; the validator never opens it.
  /// - Returns: Every finding, sorted by position.
  package func validate(_ bytes: [UInt8], fileName: String) -> ValidationReport {
    bytes.withUnsafeBufferPointer { validate($0, fileName: fileName) }
  }

  /// Validates one document given as text (encoded as UTF-8), read in place.
  /// - Parameters:
  ///   - text: The document.
  ///   - fileName: The name used in the report.
  /// - Returns: Every finding, sorted by position.
  package func validate(_ text: String, fileName: String) -> ValidationReport {
    var text = text
    return text.withUTF8 { validate($0, fileName: fileName) }
  }

  private func validate(_ bytes: UnsafeBufferPointer<UInt8>, fileName: String)
    -> ValidationReport
  {
    if bytes.isEmpty {
      let empty = ValidationIssue(
        severity: .error, line: 1, column: 1, message: "document is empty", rule: .xml)
      return ValidationReport(fileName: fileName, issues: [empty], dtdStatus: .notRun)
    }
    let availability = LibXML2DTD.svg11(catalogFiles: options.catalogFiles)
    var dtd: LibXML2DTD?
    if case .loaded(let loaded) = availability { dtd = loaded }
    let outcome = LibXML2Document.check(bytes, fileName: fileName, validatingAgainst: dtd)
    var issues = outcome.messages.map { $0.issue(rule: $0.isValidity ? .dtd : .xml) }
    if let rejected = outcome.rejected {
      issues.append(Self.issue(for: rejected))
      return report(fileName, issues, .notRun)
    }
    guard let facts = outcome.facts else {
      return report(fileName, issues, .notRun)
    }
    issues += DoctypeRule.check(facts.doctype)
    let status: DTDStatus
    var notice: String?
    switch availability {
    case .loaded:
      issues += outcome.validity.map { $0.issue(rule: .dtd) }
      status = .checked
    case .unavailable(let reason):
      notice = "SVG 1.1 DTD unavailable (\(reason)); DTD validation skipped"
      if options.strict, let notice {
        issues.append(
          ValidationIssue(severity: .error, line: 1, column: 1, message: notice, rule: .dtd))
      }
      status = .unavailable
    }
    issues += StructureRules.check(facts)
    issues += SecurityRules.check(facts)
    return report(fileName, issues, status, notice: notice)
  }

  private static func issue(for rejected: RejectedDeclaration) -> ValidationIssue {
    switch rejected.kind {
    case .entity:
      return ValidationIssue(
        severity: .error, line: rejected.line, column: 1,
        message: "entity declarations are not allowed (<!ENTITY \(rejected.name)>); "
          + "the document was not parsed further", rule: .security)
    case .element, .attributeList, .notation:
      return ValidationIssue(
        severity: .error, line: rejected.line, column: 1,
        message: "internal DTD subset declarations are not allowed "
          + "(<!\(rejected.kind.rawValue) \(rejected.name)>)", rule: .dtd)
    }
  }

  /// Sorts by line, then column; ties keep the order the checks ran in.
  private func report(
    _ fileName: String, _ issues: [ValidationIssue], _ status: DTDStatus,
    notice: String? = nil
  ) -> ValidationReport {
    let sorted = issues.enumerated().sorted { left, right in
      (left.element.line, left.element.column, left.offset)
        < (right.element.line, right.element.column, right.offset)
    }.map(\.element)
    return ValidationReport(
      fileName: fileName, issues: sorted, dtdStatus: status, dtdNotice: notice)
  }
}
