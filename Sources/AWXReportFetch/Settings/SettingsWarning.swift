/// Something about resolved settings worth telling the user once, before any request. The
/// command prints `description` after its own `warning: ` prefix. Never carries a secret.
package enum SettingsWarning: Equatable, Sendable, CustomStringConvertible {
  /// A secret was given as the flag `flag` (for example `--token`); `better` is the flag that
  /// reads it from a file instead.
  case secretFlag(flag: String, better: String)
  /// The server is reached over plain http, so the credentials travel unencrypted.
  case plainHTTP(Origin)
  /// TLS certificate verification is off (`--insecure` or `CONTROLLER_VERIFY_SSL=false`).
  case tlsVerificationOff

  /// One line, without a `warning:` prefix.
  package var description: String {
    switch self {
    case .secretFlag(let flag, let better):
      return "a secret given with \(flag) can leak through shell history and the process list; "
        + "prefer \(better) or the environment"
    case .plainHTTP(let origin):
      return "\(origin) uses plain http: the credentials travel unencrypted"
    case .tlsVerificationOff:
      return "TLS certificate verification is off (--insecure or CONTROLLER_VERIFY_SSL=false): "
        + "the connection can be intercepted"
    }
  }
}
