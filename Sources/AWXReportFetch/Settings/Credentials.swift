import AWXReportAPI

/// How requests authenticate. Printing a value never shows the secret.
package enum Credentials: Equatable, Sendable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// `Authorization: Bearer <token>` (an AWX OAuth2 or personal access token).
  case token(String)
  /// `Authorization: Basic …` with a username and password.
  case basic(username: String, password: String)

  /// `token(<redacted>)` or `basic(username: "…", password: <redacted>)`.
  package var description: String {
    switch self {
    case .token: return "token(<redacted>)"
    case .basic(let username, _): return "basic(username: \"\(username)\", password: <redacted>)"
    }
  }

  /// The same as `description`.
  package var debugDescription: String { description }

  /// A mirror without the secret, so `dump` and the debugger do not show it either.
  package var customMirror: Mirror { Mirror(self, children: ["value": description]) }

  /// The `Authorization` header's value.
  var authorizationValue: String {
    switch self {
    case .token(let token): return "Bearer \(token)"
    case .basic(let username, let password):
      return "Basic \(Base64.encode(Array("\(username):\(password)".utf8)))"
    }
  }

  /// Every string that must never be shown: the secret itself and its encoded forms.
  var secrets: [String] {
    switch self {
    case .token(let token): return [token]
    case .basic(let username, let password):
      return [password, Base64.encode(Array("\(username):\(password)".utf8))]
    }
  }
}
