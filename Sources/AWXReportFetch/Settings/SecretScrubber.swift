/// Removes secrets from any text before it leaves the module (errors, events), and spots them
/// in response bodies.
///
/// Secrets shorter than `minimumLength` are not scrubbed: a two-letter password would match
/// ordinary words and make every message unreadable while protecting nothing. Bodies are only
/// checked for secrets of `minimumBodyLength` or more (AWX tokens are 30 characters): a short
/// password such as `admin` appears in ordinary API data, and refusing it would break fetches.
struct SecretScrubber: Sendable {
  static let minimumLength = 4
  static let minimumBodyLength = 12
  static let replacement = "<redacted>"

  private let secrets: [String]
  private let bodySecrets: [[UInt8]]

  init(_ credentials: Credentials) {
    secrets = credentials.secrets
      .filter { $0.count >= Self.minimumLength }
      .sorted { $0.count > $1.count }
    bodySecrets = secrets.filter { $0.utf8.count >= Self.minimumBodyLength }.map { Array($0.utf8) }
  }

  /// `text` with every secret replaced by `<redacted>`.
  func scrub(_ text: String) -> String {
    var t = text
    for secret in secrets where t.contains(secret) {
      t = t.replacing(secret, with: Self.replacement)
    }
    return t
  }

  /// Whether `bytes` contains a secret.
  func appears(in bytes: [UInt8]) -> Bool {
    bodySecrets.contains { Self.find($0, in: bytes) }
  }

  /// Whether `needle` occurs in `haystack` (a plain scan: fast enough for API bodies, and far
  /// faster than the generic collection search).
  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard needle.count <= haystack.count else { return false }
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
      if haystack[i] == first {
        var j = 1
        while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
        if j == needle.count { return true }
      }
      i += 1
    }
    return false
  }

  /// `event` with every string scrubbed.
  func scrub(_ event: FetchEvent) -> FetchEvent {
    switch event {
    case .request(let method, let url, let status, let ms, let attempt):
      return .request(
        method: method, url: scrub(url), status: status, milliseconds: ms, attempt: attempt)
    case .retrying(let url, let attempt, let delay, let reason):
      return .retrying(url: scrub(url), attempt: attempt, delay: delay, reason: scrub(reason))
    case .redirected(let url, let location):
      return .redirected(url: scrub(url), location: scrub(location))
    case .progress:
      return event
    }
  }
}
