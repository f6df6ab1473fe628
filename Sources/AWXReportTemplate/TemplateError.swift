/// Everything that can go wrong when parsing or rendering a template.
///
/// Parse errors carry a ``Location`` (template name, 1-based position and the offending source
/// line); ``description`` formats them like a compiler diagnostic:
///
/// ```
/// report.html.mustache:12:5: error: unclosed section 'nodes'
///     {{#nodes}}
///     ^
/// ```
package enum TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Where an error happened: the template's name, the position and the source line there.
  package struct Location: Equatable, Sendable {
    /// The name of the template the error is in.
    package var templateName: String
    /// The 1-based line and column of the offending tag.
    package var position: SourcePosition
    /// The full text of the offending line, without its line terminator.
    package var sourceLine: String

    /// Creates a location.
    package init(templateName: String, position: SourcePosition, sourceLine: String) {
      self.templateName = templateName
      self.position = position
      self.sourceLine = sourceLine
    }
  }

  /// `{{#name}}` or `{{^name}}` has no matching `{{/name}}`. Points at the opening tag.
  case unclosedSection(name: String, at: Location)
  /// `{{/found}}` closes a section opened as `expected`. Points at the closing tag.
  case mismatchedClosingTag(expected: String, found: String, at: Location)
  /// `{{/name}}` appears with no section open. Points at the closing tag.
  case unexpectedClosingTag(name: String, at: Location)
  /// An opening delimiter has no closing delimiter. Points at the opening delimiter.
  case unclosedTag(expectedDelimiter: String, at: Location)
  /// A set-delimiter tag (`{{=<% %>=}}`) is malformed. Carries the tag's content.
  case invalidDelimiters(String, at: Location)
  /// A tag's name is empty or malformed (inner whitespace, empty dotted component).
  case invalidTagName(String, at: Location)
  /// A tag type this engine does not implement (template inheritance: `{{<` and `{{$`).
  case unsupportedTag(String, at: Location)
  /// `{{>name}}` names no template of the library (only with `strictPartials`).
  case unknownPartial(name: String, at: Location)
  /// Partials nested deeper than ``TemplateLibrary/maximumPartialDepth`` (runaway recursion).
  /// Points at the partial tag that went too deep.
  case partialRecursionTooDeep(name: String, at: Location)
  /// ``TemplateLibrary/render(_:_:)`` was asked for a template it does not hold.
  case unknownTemplate(name: String)
  /// A ``TemplateLibrary`` was given two templates with the same name.
  case duplicateTemplate(name: String)

  /// The location of the error in a template, when it has one.
  package var location: Location? {
    switch self {
    case .unclosedSection(_, let location), .mismatchedClosingTag(_, _, let location),
      .unexpectedClosingTag(_, let location), .unclosedTag(_, let location),
      .invalidDelimiters(_, let location), .invalidTagName(_, let location),
      .unsupportedTag(_, let location), .unknownPartial(_, let location),
      .partialRecursionTooDeep(_, let location):
      return location
    case .unknownTemplate, .duplicateTemplate:
      return nil
    }
  }

  /// The name of the template the error is in, when it has one.
  package var templateName: String? { location?.templateName }

  /// The 1-based line and column of the error, when it has one.
  package var position: SourcePosition? { location?.position }

  /// The text of the offending source line, when the error has a position.
  package var sourceLine: String? { location?.sourceLine }

  /// The one-line message, without position: `unclosed section 'nodes'`.
  package var message: String {
    switch self {
    case .unclosedSection(let name, _):
      return "unclosed section '\(name)'"
    case .mismatchedClosingTag(let expected, let found, _):
      return "closing tag '\(found)' does not match open section '\(expected)'"
    case .unexpectedClosingTag(let name, _):
      return "closing tag '\(name)' has no open section"
    case .unclosedTag(let delimiter, _):
      return "unclosed tag, expected '\(delimiter)'"
    case .invalidDelimiters(let content, _):
      return "invalid delimiters '\(content)'"
    case .invalidTagName(let name, _):
      return name.isEmpty ? "empty tag name" : "invalid tag name '\(name)'"
    case .unsupportedTag(let tag, _):
      return "unsupported tag '\(tag)' (template inheritance is not supported)"
    case .unknownPartial(let name, _):
      return "unknown partial '\(name)'"
    case .partialRecursionTooDeep(let name, _):
      return "partial '\(name)' nested too deeply (recursive partial?)"
    case .unknownTemplate(let name):
      return "unknown template '\(name)'"
    case .duplicateTemplate(let name):
      return "duplicate template '\(name)'"
    }
  }

  /// `name:line:column: error: message`, then the source line and a caret under the column.
  /// Errors without a location format as `name: error: message`.
  package var description: String {
    guard let location else {
      switch self {
      case .unknownTemplate(let name), .duplicateTemplate(let name):
        return "\(name): error: \(message)"
      default:
        return "error: \(message)"
      }
    }
    // Keep tabs in the caret line so the caret lines up under tab-indented source.
    let indent = location.sourceLine.prefix(location.position.column - 1)
      .map { $0 == "\t" ? "\t" : " " }.joined()
    return "\(location.templateName):\(location.position): error: \(message)\n"
      + "\(location.sourceLine)\n\(indent)^"
  }
}
