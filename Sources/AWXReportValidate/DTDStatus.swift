/// Whether a document was checked against the W3C SVG 1.1 DTD.
package enum DTDStatus: String, Sendable, Equatable, Hashable {
  /// The DTD was loaded offline through the XML catalog and the document was validated.
  case checked
  /// The catalog could not resolve (or load) the SVG 1.1 DTD, so only the other checks ran.
  case unavailable
  /// DTD validation did not run because the document was not well-formed or was rejected
  /// before parsing finished (for example because it declares entities).
  case notRun
}
