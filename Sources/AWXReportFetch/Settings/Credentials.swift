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
      return "Basic \(base64Encode(Array("\(username):\(password)".utf8)))"
    }
  }

  /// Every string that must never be shown: the secret itself and its encoded forms.
  var secrets: [String] {
    switch self {
    case .token(let token): return [token]
    case .basic(let username, let password):
      return [password, base64Encode(Array("\(username):\(password)".utf8))]
    }
  }
}

/// Standard base64 with padding (RFC 4648), for the basic-auth header.
func base64Encode(_ bytes: [UInt8]) -> String {
  let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
  var out: [UInt8] = []
  out.reserveCapacity((bytes.count + 2) / 3 * 4)
  var i = 0
  while i < bytes.count {
    let b0 = UInt32(bytes[i])
    let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
    let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
    let n = b0 << 16 | b1 << 8 | b2
    out.append(alphabet[Int(n >> 18 & 63)])
    out.append(alphabet[Int(n >> 12 & 63)])
    out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
    out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
    i += 3
  }
  return String(decoding: out, as: UTF8.self)
}
