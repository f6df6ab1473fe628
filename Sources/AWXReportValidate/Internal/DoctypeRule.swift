/// A DOCTYPE, when present, must name the SVG 1.1 DTD: that is the DTD the document is
/// validated against, whatever it declares. Its system identifier is never fetched.
enum DoctypeRule {
  static func check(_ doctype: DocumentFacts.Doctype?) -> [ValidationIssue] {
    guard let doctype else { return [] }
    guard doctype.name != "svg" || doctype.publicID != LibXML2.svg11PublicID else { return [] }
    let found =
      "<!DOCTYPE \(doctype.name ?? "")"
      + (doctype.publicID.map { " PUBLIC \"\($0)\"" } ?? "")
      + (doctype.systemID.map { " \"\($0)\"" } ?? "") + ">"
    return [
      ValidationIssue(
        severity: .error, line: doctype.line, column: 1,
        message: "DOCTYPE must be <!DOCTYPE svg PUBLIC \"\(LibXML2.svg11PublicID)\" …>, "
          + "found \(found)", rule: .dtd)
    ]
  }
}
