/// One group's timeline of a large run, from ``TimelineSVG/renderGroups(_:asOf:)``: a
/// standalone SVG 1.1 document, validated like the others before it is inlined into the page.
package struct TimelineGroupSVG: Hashable, Sendable {
  /// The group drawn.
  package var group: NodeGroup
  /// How many bars it has.
  package var rowCount: Int
  /// The prefix of its document-wide ids: `<prefix>-title` and `<prefix>-desc` label it.
  package var idPrefix: String
  /// The document.
  package var svg: String

  /// Creates a group's drawing.
  package init(group: NodeGroup, rowCount: Int, idPrefix: String, svg: String) {
    self.group = group
    self.rowCount = rowCount
    self.idPrefix = idPrefix
    self.svg = svg
  }
}
