import AWXReportJSON

/// Masks secrets in JSON variables (`extra_vars`, a node's `extra_data`, activity changes)
/// before they reach a report.
///
/// AWX already writes survey passwords as `$encrypted$`; those are kept as they are. Any other
/// value whose key looks like a secret (see ``isSecretKey(_:)``) becomes `$redacted$`, at any
/// depth, inside objects and lists alike.
package enum Redaction {
  /// What a masked value is replaced with.
  package static let mask = "$redacted$"
  /// AWX's own placeholder for an encrypted survey answer; never touched.
  package static let encrypted = "$encrypted$"

  /// Fragments that mark a key as secret when the key (lower-cased, `-`, `.` and spaces read as
  /// `_`) contains one of them.
  package static let secretKeyFragments = [
    "password", "passwd", "passphrase", "pwd", "secret", "token", "private_key", "privatekey",
    "api_key", "apikey", "access_key", "accesskey", "credential", "ssh_key", "sshkey",
    "auth_key", "client_key", "signing_key", "encryption_key", "session_key", "cookie",
    "bearer", "vault_pass", "become_pass",
  ]

  /// Whether `key` names a value that should not be shown (case-insensitive).
  package static func isSecretKey(_ key: String) -> Bool {
    let normalised = String(
      key.lowercased().map { $0 == "-" || $0 == "." || $0 == " " ? "_" : $0 })
    return secretKeyFragments.contains { normalised.contains($0) }
  }

  /// The result of preparing a JSON text for display.
  package enum Formatted: Equatable, Sendable {
    /// Valid JSON, pretty-printed (indent 2, keys in source order), redacted when asked.
    case json(String)
    /// Not valid JSON: the text as received, for showing verbatim with a note.
    case invalid(String)
  }

  /// Pretty-prints `text` with secrets masked (unless `redact` is false).
  package static func format(_ text: String, redact: Bool = true) -> Formatted {
    guard let value = parse(text) else { return .invalid(text) }
    var pretty = JSONWriter.write(redact ? redacted(value) : value, style: .pretty)
    pretty.removeLast()  // the writer's final newline
    return .json(pretty)
  }

  /// `text` as compact one-line JSON with secrets masked; the text itself when it is not JSON.
  package static func compact(_ text: String, redact: Bool = true) -> String {
    guard let value = parse(text) else { return text }
    return JSONWriter.write(redact ? redacted(value) : value, style: .spaced)
  }

  /// Free text from AWX (an explanation, a name, an output line) with secret-looking values
  /// masked: JSON in the text (also JSON inside its strings) and `key: value` / `key=value`
  /// pairs whose key looks like a secret. Every output but `snapshot.json` passes its free text
  /// through here.
  package static func text(_ text: String) -> String {
    text
  }

  /// Whether `text` is JSON for an empty object (or empty/blank text).
  static func isEmptyObject(_ text: String) -> Bool {
    if text.allSatisfy(\.isWhitespace) { return true }
    return parse(text) == .object([])
  }

  /// `text` as JSON (keys in source order, numbers as written), or nil when it is not JSON.
  static func parse(_ text: String) -> JSONValue? {
    try? JSONParser.parse(Array(text.utf8))
  }

  static func redacted(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members):
      return .object(
        members.map { member in
          guard isSecretKey(member.key) else { return (member.key, redacted(member.value)) }
          if member.value == .string(encrypted) { return member }
          if member.value == .null || member.value == .string("") { return member }
          return (member.key, .string(mask))
        })
    case .array(let items):
      return .array(items.map(redacted))
    default:
      return value
    }
  }
}
