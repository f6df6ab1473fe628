/// Checks an XML document against an XML Schema (XSD) with libxml2, for example a
/// `junit.xml` against the Jenkins xUnit and the Apache Ant (windyroad) JUnit schemas.
///
/// Both texts are parsed the safe way ``SVGValidator`` parses: no network, no entity
/// substitution, and any declaration in an internal DTD subset refused. libxml2's messages are
/// collected, never printed. Safe to call from any number of threads at once.
package enum XMLSchemaValidator {
  /// Validates `xml` against `schema`.
  /// - Parameters:
  ///   - xml: The document's bytes.
  ///   - schema: The XSD's bytes.
  /// - Returns: One line per problem (`line 12: …`, or `schema: …` when the schema itself
  ///   cannot be used); empty when the document is valid.
  package static func validate(xml: [UInt8], schema: [UInt8]) -> [String] {
    guard !schema.isEmpty else { return ["schema: document is empty"] }
    guard !xml.isEmpty else { return ["line 1: document is empty"] }
    let parsedSchema = LibXML2Document.parse(schema, fileName: "schema.xsd")
    guard let schemaDocument = parsedSchema.document else {
      return problems(parsedSchema, prefix: "schema: ", fallback: "not well-formed")
    }
    let parsed = LibXML2Document.parse(xml, fileName: "document.xml")
    guard let document = parsed.document else {
      return problems(parsed, prefix: "", fallback: "not well-formed")
    }
    let parseErrors = parsed.messages.filter { !$0.isWarning }.map { line($0) }
    switch document.validate(againstSchema: schemaDocument) {
    case .unusableSchema(let messages):
      let lines = messages.map { "schema: " + line($0) }
      return lines.isEmpty ? ["schema: libxml2 could not compile it"] : lines
    case .validated(let messages, let code):
      var lines = parseErrors + messages.filter { !$0.isWarning }.map { line($0) }
      if code != 0 && lines.isEmpty {
        lines.append("libxml2 reported the document invalid (code \(code)) without a message")
      }
      return lines
    }
  }

  private static func problems(
    _ outcome: LibXML2Document.ParseOutcome, prefix: String, fallback: String
  ) -> [String] {
    if let rejected = outcome.rejected {
      return [
        "\(prefix)line \(rejected.line): <!\(rejected.kind.rawValue) \(rejected.name)> refused"
      ]
    }
    let lines = outcome.messages.filter { !$0.isWarning }.map { prefix + line($0) }
    return lines.isEmpty ? [prefix + fallback] : lines
  }

  private static func line(_ message: LibXML2Message) -> String {
    "line \(message.line): \(message.text)"
  }
}
