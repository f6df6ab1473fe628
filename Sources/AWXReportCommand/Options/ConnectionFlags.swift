import AWXReportFetch
import ArgumentParser

/// The flags of every subcommand that talks to AWX: the server, the credentials, TLS, limits,
/// and `-v`. A subcommand declares `@OptionGroup var connection: ConnectionFlags` and calls
/// `settings(environment:)`.
///
/// The per-request time limit is `--timeout` here. `watch`, `cancel`, `relaunch` and `launch`
/// use `--timeout` for the whole watch, so they take ``WatchConnectionFlags`` instead: the same
/// ``ServerFlags`` with the per-request limit named `--request-timeout`.
struct ConnectionFlags: ParsableArguments {
  @OptionGroup var server: ServerFlags

  @Option(
    help: """
      Total time limit per request, in seconds \
      (default \(ServerFlags.seconds(ConnectionSettings.defaultTimeout))).
      """)
  var timeout: Double?

  /// `-v`.
  var verbose: Bool { server.verbose }

  /// The flags as `ConnectionOptions` (nil where not given).
  var options: ConnectionOptions { server.options(timeout: timeout) }

  /// The flags combined with `environment` (flags win), secret files read.
  /// `warnings` in the result are for the command to print.
  func settings(environment: [String: String]) throws(CommandError) -> ConnectionSettings {
    try server.settings(timeout: timeout, environment: environment)
  }

  /// The `-v` line for `event`, or nil (see ``ServerFlags/logLine(for:)``).
  func logLine(for event: FetchEvent) -> String? { server.logLine(for: event) }
}

/// ``ConnectionFlags`` for the commands whose `--timeout` bounds a whole watch.
struct WatchConnectionFlags: ParsableArguments {
  @OptionGroup var server: ServerFlags

  @Option(
    help: """
      Total time limit per request, in seconds \
      (default \(ServerFlags.seconds(ConnectionSettings.defaultTimeout))).
      """)
  var requestTimeout: Double?

  /// The flags combined with `environment` (flags win), secret files read.
  func settings(environment: [String: String]) throws(CommandError) -> ConnectionSettings {
    try server.settings(timeout: requestTimeout, environment: environment)
  }

  /// The `-v` line for `event`, or nil.
  func logLine(for event: FetchEvent) -> String? { server.logLine(for: event) }
}

/// The connection flags apart from the per-request time limit.
struct ServerFlags: ParsableArguments {
  @Option(help: "AWX base URL, e.g. https://awx.example.com (env CONTROLLER_HOST).")
  var host: String?

  @Option(help: "OAuth2 or personal access token (prefer --token-file).")
  var token: String?

  @Option(help: "Read the token from FILE ('-' for stdin).")
  var tokenFile: String?

  @Option(help: "User name for HTTP basic authentication.")
  var username: String?

  @Option(help: "Password for HTTP basic authentication (prefer --password-file).")
  var password: String?

  @Option(help: "Read the password from FILE ('-' for stdin).")
  var passwordFile: String?

  @Flag(help: "Do not verify the server's TLS certificate (prints a warning).")
  var insecure = false

  @Option(help: "CA certificate bundle (PEM) to verify the server with.")
  var caCert: String?

  @Option(
    help: """
      Retries for GET requests on connection errors, 5xx and 429 \
      (default \(ConnectionSettings.defaultRetries)).
      """)
  var retries: Int?

  @Option(help: "API root, e.g. /api/v2/ or /api/controller/v2/ (default: discovered).")
  var apiRoot: String?

  @Flag(name: .shortAndLong, help: "Log each request (method, URL, status, milliseconds).")
  var verbose = false

  /// The flags and the per-request `timeout` as `ConnectionOptions` (nil where not given).
  func options(timeout: Double?) -> ConnectionOptions {
    ConnectionOptions(
      host: host, token: token, tokenFile: tokenFile, username: username, password: password,
      passwordFile: passwordFile, insecure: insecure, caCert: caCert, timeout: timeout,
      retries: retries, apiRoot: apiRoot)
  }

  /// The flags combined with `environment` (flags win), secret files read.
  /// `warnings` in the result are for the command to print.
  func settings(timeout: Double?, environment: [String: String]) throws(CommandError)
    -> ConnectionSettings
  {
    do {
      return try ConnectionSettings.resolve(
        options: options(timeout: timeout), environment: environment,
        readSecret: SecretFile.read)
    } catch {
      throw .other(error.description)
    }
  }

  /// The `-v` line for `event` (`GET /api/v2/… 200 12 ms`), or nil when not verbose or the
  /// event is not a finished request.
  func logLine(for event: FetchEvent) -> String? {
    guard verbose, case .request(let method, let url, let status, let ms, let attempt) = event
    else { return nil }
    let retry = attempt > 1 ? " (attempt \(attempt))" : ""
    return "\(method) \(url) \(status == 0 ? "-" : String(status)) \(ms) ms\(retry)"
  }

  /// `30` rather than `30.0` for whole seconds.
  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
