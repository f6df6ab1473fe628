/// One group's timeline of a large run, from ``TimelineSVG/renderGroups(_:asOf:)``: one or
/// more standalone SVG 1.1 documents (at most ``TimelineSVG/rowsPerPart`` bars each), each
/// validated like the others before it is inlined into the page.
package struct TimelineGroupSVG: Hashable, Sendable {
  /// One drawing of the group.
  package struct Part: Hashable, Sendable {
    /// The prefix of its document-wide ids: `<prefix>-title` and `<prefix>-desc` label it,
    /// `<prefix>-svg` is its root.
    package var idPrefix: String
    /// The document.
    package var svg: String

    /// Creates a part.
    package init(idPrefix: String, svg: String) {
      self.idPrefix = idPrefix
      self.svg = svg
    }
  }

  /// The group drawn.
  package var group: NodeGroup
  /// How many bars it has, over all parts.
  package var rowCount: Int
  /// Its drawings, in row order.
  package var parts: [Part]

  /// Creates a group's drawings.
  package init(group: NodeGroup, rowCount: Int, parts: [Part]) {
    self.group = group
    self.rowCount = rowCount
    self.parts = parts
  }
}
