/// The connection flags as given on the command line; nil means "not given".
///
/// `ConnectionSettings.resolve(options:environment:readSecret:)` combines them with the
/// environment. Flags always win over the environment.
package struct ConnectionOptions: Equatable, Sendable {
  /// `--host`: a base URL (`https://awx.example.com`), or a bare host name (https is assumed).
  package var host: String?
  /// `--token`: an OAuth2 token (prefer `tokenFile`: a flag ends up in shell history).
  package var token: String?
  /// `--token-file PATH`: read the token from a file, or from stdin for `-`.
  package var tokenFile: String?
  /// `--username`.
  package var username: String?
  /// `--password` (prefer `passwordFile`).
  package var password: String?
  /// `--password-file PATH`: read the password from a file, or from stdin for `-`.
  package var passwordFile: String?
  /// `--insecure`: do not verify the server's TLS certificate.
  package var insecure: Bool
  /// `--ca-cert PATH`: a PEM bundle of CA certificates to trust instead of the system's.
  package var caCert: String?
  /// `--timeout SECONDS`: the time limit for each request (default 30).
  package var timeout: Double?
  /// `--retries N`: retries after a connection error, timeout, 5xx or 429 (default 3).
  package var retries: Int?
  /// `--api-root PATH`: for example `/api/v2/` or `/api/controller/v2/`; nil to discover it.
  package var apiRoot: String?

  /// Creates options; every argument defaults to "not given".
  package init(
    host: String? = nil, token: String? = nil, tokenFile: String? = nil,
    username: String? = nil, password: String? = nil, passwordFile: String? = nil,
    insecure: Bool = false, caCert: String? = nil, timeout: Double? = nil, retries: Int? = nil,
    apiRoot: String? = nil
  ) {
    self.host = host
    self.token = token
    self.tokenFile = tokenFile
    self.username = username
    self.password = password
    self.passwordFile = passwordFile
    self.insecure = insecure
    self.caCert = caCert
    self.timeout = timeout
    self.retries = retries
    self.apiRoot = apiRoot
  }
}
