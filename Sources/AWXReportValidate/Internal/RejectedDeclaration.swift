/// A markup declaration found in a document's internal DTD subset. Parsing stops at the first
/// one, so entities are never declared, let alone expanded.
struct RejectedDeclaration: Sendable, Equatable {
  enum Kind: String, Sendable {
    case entity = "ENTITY"
    case element = "ELEMENT"
    case attributeList = "ATTLIST"
    case notation = "NOTATION"
  }

  var kind: Kind
  var name: String
  var line: Int
}
