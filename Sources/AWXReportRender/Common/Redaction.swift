import AWXReportJSON
import AWXReportModel

/// The one redaction policy of every output but `snapshot.json` (which keeps AWX's bodies
/// byte for byte): values whose key looks like a secret are masked wherever they hide.
///
/// AWX already writes survey passwords as `$encrypted$`; those are kept as they are. Any other
/// value whose key looks like a secret (see ``isSecretKey(_:)``) becomes `$redacted$`: in JSON
/// at any depth, inside objects and lists alike, in JSON that is itself encoded as a string
/// inside JSON (the activity stream's `changes` carries `extra_vars` that way), and in free
/// text as `key: value` (YAML) or `key=value` pairs. ``run(_:)`` applies it to every text a
/// workflow run carries, once, before any writer sees the run.
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
    mentionsSecretKey(key)
  }

  /// The fragments as bytes, for the byte-level search below.
  private static let fragmentBytes: [[UInt8]] = secretKeyFragments.map { Array($0.utf8) }

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

  /// Free text from AWX (an explanation, a name, variables, an output line) with secret-looking
  /// values masked: the whole text when it is JSON (strings inside it included), else every
  /// `key: value`, `key=value` or `"key": "value"` pair whose key looks like a secret.
  package static func text(_ text: String) -> String {
    guard mentionsSecretKey(text) else { return text }
    if let first = text.utf8.first(where: { !isSpace($0) }), first == 0x7B || first == 0x5B,
      let value = parse(text)
    {
      let masked = redacted(value)
      return masked == value ? text : JSONWriter.write(masked, style: .spaced)
    }
    return maskPairs(text)
  }

  /// `run` with ``text(_:)`` applied to every text it carries (job, nodes, child jobs,
  /// notifications, activity stream), nested runs included. Ids, states and times are kept.
  package static func run(_ run: WorkflowRun) -> WorkflowRun {
    var r = run
    r.job = job(r.job)
    r.nodes = r.nodes.map { n in
      var n = n
      n.identifier = text(n.identifier)
      n.templateName = n.templateName.map(text)
      n.extraData = text(n.extraData)
      n.job = n.job.map(child)
      return n
    }
    r.nested = r.nested.mapValues(Self.run)
    r.failureDetails = r.failureDetails.mapValues { FailureText.cleaned($0, redact: true) }
    r.notifications = r.notifications.map { n in
      var n = n
      n.subject = text(n.subject)
      n.templateName = text(n.templateName)
      n.error = text(n.error)
      return n
    }
    r.activity = r.activity.map { e in
      var e = e
      e.actor = e.actor.map(text)
      e.object1 = text(e.object1)
      e.object2 = text(e.object2)
      e.changes = text(e.changes)
      return e
    }
    return r
  }

  private static func job(_ j: WorkflowJob) -> WorkflowJob {
    var j = j
    j.name = text(j.name)
    j.description = text(j.description)
    j.explanation = text(j.explanation)
    j.extraVars = text(j.extraVars)
    j.labels = j.labels.map(text)
    j.launchedBy = j.launchedBy.map(text)
    j.templateName = j.templateName.map(text)
    j.inventoryName = j.inventoryName.map(text)
    j.organizationName = j.organizationName.map(text)
    j.limit = j.limit.map(text)
    j.scmBranch = j.scmBranch.map(text)
    return j
  }

  private static func child(_ c: ChildJob) -> ChildJob {
    var c = c
    c.name = text(c.name)
    c.explanation = text(c.explanation)
    c.decidedBy = c.decidedBy.map(text)
    return c
  }

  /// Whether a secret-looking key could appear in `text` at all: ASCII letters folded to lower
  /// case and `-`, `.` and spaces read as `_`, then a plain byte search for each fragment.
  /// Cheap enough to run on every text of a 10,000-node run (no Foundation string search).
  static func mentionsSecretKey(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard bytes.count >= 3 else { return false }
      var folded = [UInt8](repeating: 0, count: bytes.count)
      for i in 0..<bytes.count {
        let c = bytes[i]
        switch c {
        case 0x41...0x5A: folded[i] = c | 0x20
        case 0x2D, 0x2E, 0x20: folded[i] = 0x5F
        default: folded[i] = c
        }
      }
      return fragmentBytes.contains { contains(folded, $0) }
    }
  }

  /// Whether `needle` occurs in `haystack`.
  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, needle.count <= haystack.count else { return false }
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
      if haystack[i] == first {
        var j = 1
        while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
        if j == needle.count { return true }
      }
      i += 1
    }
    return false
  }

  /// Masks the value of every `key: value`, `key=value` and `"key": "value"` pair in `text`
  /// whose key looks like a secret. A quoted value is masked up to its closing quote; after
  /// `=` up to white space or `&,;`; after `:` up to the end of the line (YAML), or up to
  /// `,` `}` `]` when the key was quoted (JSON-like text that is not valid JSON).
  static func maskPairs(_ text: String) -> String {
    let u = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(u.count)
    var i = 0
    while i < u.count {
      guard isKeyByte(u[i]), i == 0 || !isKeyByte(u[i - 1]) else {
        out.append(u[i])
        i += 1
        continue
      }
      var j = i
      while j < u.count, isKeyByte(u[j]) { j += 1 }
      let key = String(decoding: u[i..<j], as: UTF8.self)
      let quotedKey = i > 0 && (u[i - 1] == 0x22 || u[i - 1] == 0x27)
      var k = j
      if quotedKey, k < u.count, u[k] == u[i - 1] { k += 1 }
      while k < u.count, u[k] == 0x20 || u[k] == 0x09 { k += 1 }
      guard k < u.count, u[k] == 0x3A || u[k] == 0x3D, isSecretKey(key) else {
        out.append(contentsOf: u[i..<j])
        i = j
        continue
      }
      let separator = u[k]
      k += 1
      while k < u.count, u[k] == 0x20 || u[k] == 0x09 { k += 1 }
      out.append(contentsOf: u[i..<k])
      let (valueStart, valueEnd, resume) = valueRange(
        u, from: k, separator: separator, quotedKey: quotedKey)
      let value = String(decoding: u[valueStart..<valueEnd], as: UTF8.self)
      out.append(contentsOf: u[k..<valueStart])
      if value.isEmpty || value == encrypted || value == mask || value == "null" {
        out.append(contentsOf: u[valueStart..<valueEnd])
      } else {
        out.append(contentsOf: Array(mask.utf8))
      }
      out.append(contentsOf: u[valueEnd..<resume])
      i = resume
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Where the value starting at `start` begins and ends (quotes excluded), and where to go on.
  private static func valueRange(_ u: [UInt8], from start: Int, separator: UInt8, quotedKey: Bool)
    -> (Int, Int, Int)
  {
    guard start < u.count else { return (start, start, start) }
    let q = u[start]
    if q == 0x22 || q == 0x27 {
      var e = start + 1
      while e < u.count, u[e] != q, u[e] != 0x0A {
        if u[e] == 0x5C { e += 1 }
        e += 1
      }
      e = min(e, u.count)
      return (start + 1, e, e)
    }
    var e = start
    while e < u.count {
      let c = u[e]
      if c == 0x0A || c == 0x0D { break }
      if separator == 0x3D || quotedKey {
        if c == 0x20 || c == 0x09 || c == 0x26 || c == 0x2C || c == 0x3B || c == 0x7D || c == 0x5D {
          break
        }
        // A double quote that closes the string the pair sits in (JSON-like text that is not
        // valid JSON); a quote inside the value goes on being masked.
        if c == 0x22,
          e + 1 == u.count || [0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x3A].contains(u[e + 1])
        {
          break
        }
      }
      e += 1
    }
    // A YAML value's trailing blanks stay outside the mask.
    var end = e
    while end > start, u[end - 1] == 0x20 || u[end - 1] == 0x09 { end -= 1 }
    return (start, end, end)
  }

  private static func isKeyByte(_ c: UInt8) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
      || c == 0x2D || c == 0x2E
  }

  private static func isSpace(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
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

  /// `value` with every secret-looking key's value masked, and every string inside it passed
  /// through ``text(_:)`` (JSON encoded as a string, `key=value` text).
  static func redacted(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members):
      return .object(
        members.map { member in
          guard isSecretKey(member.key) else { return (member.key, redacted(member.value)) }
          if member.value == .string(encrypted) || member.value == .string(mask) { return member }
          if member.value == .null || member.value == .string("") { return member }
          return (member.key, .string(mask))
        })
    case .array(let items):
      return .array(items.map(redacted))
    case .string(let s):
      return .string(text(s))
    default:
      return value
    }
  }
}
