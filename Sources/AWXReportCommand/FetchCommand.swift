import AWXReportAPI
import AWXReportFetch
import AWXReportModel
import ArgumentParser
import Foundation

/// `awx-report fetch ID`: fetches a workflow job over the AWX API, saves the snapshot and
/// renders every report from it, through the same pipeline as `render`.
struct FetchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Fetch a workflow job from AWX and write its snapshot and reports.",
    discussion: """
      Connection settings come from flags, else from the environment as awxkit reads it: \
      CONTROLLER_HOST/TOWER_HOST, CONTROLLER_OAUTH_TOKEN, CONTROLLER_TOKEN, \
      TOWER_OAUTH_TOKEN, TOWER_TOKEN, CONTROLLER_USERNAME/CONTROLLER_PASSWORD, \
      CONTROLLER_VERIFY_SSL. Prefer --token-file or --password-file (or - for stdin) so \
      secrets stay out of shell history. Secrets are never written to the snapshot, the \
      reports, logs or error messages.
      """)

  @Argument(help: "The workflow job's id.")
  var id: Int

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

  @Option(help: "Total time limit per request, in seconds (default 30).")
  var timeout: Double?

  @Option(help: "Retries for GET requests on connection errors, 5xx and 429 (default 3).")
  var retries: Int?

  @Option(help: "API root, e.g. /api/v2/ or /api/controller/v2/ (default: discovered).")
  var apiRoot: String?

  @Option(help: "Levels of nested workflows to fetch (0: none).")
  var depth: Int = AWXFetcher.defaultDepth

  @Flag(name: .shortAndLong, help: "Log each request (method, URL, status, milliseconds).")
  var verbose = false

  @OptionGroup var report: ReportFlags

  func validate() throws {
    guard id > 0 else { throw ValidationError("the workflow job id must be a positive integer") }
    guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    do throws(CommandError) {
      let settings = try resolveSettings(environment: environment)
      for warning in settings.warnings { Diagnostics.warning(warning.description) }
      let progress = ProgressLine(enabled: !report.quiet && Diagnostics.stderrIsTerminal)
      let verbose = self.verbose
      let fetcher: AWXFetcher
      do {
        fetcher = try AWXFetcher(
          settings: settings, userAgent: "awx-report/\(AWXReport.version)",
          observer: { event in
            if verbose, case .request(let method, let url, let status, let ms, let attempt) = event {
              progress.clear()
              let retry = attempt > 1 ? " (attempt \(attempt))" : ""
              Diagnostics.note("\(method) \(url) \(status == 0 ? "-" : String(status)) \(ms) ms\(retry)")
            }
            if case .progress(let p) = event { progress.show(p) }
          })
      } catch {
        throw .other(error.description)
      }
      let snapshot: Snapshot
      do {
        snapshot = try fetcher.fetch(
          workflowJobID: id, depth: depth, now: Self.now(), tool: "awx-report \(AWXReport.version)")
      } catch {
        progress.clear()
        throw .other(error.description)
      }
      progress.clear()
      let options = report.options(environment: environment)
      let result = try ReportPipeline(options: options).build(
        snapshotBytes: snapshot.encoded(), source: "workflow job \(id) from \(snapshot.host)")
      try Publisher.publish(result, options: options, quiet: report.quiet)
    } catch {
      Diagnostics.report(error)
      throw ExitCode(1)
    }
  }

  private func resolveSettings(environment: [String: String]) throws(CommandError)
    -> ConnectionSettings
  {
    let flags = ConnectionOptions(
      host: host, token: token, tokenFile: tokenFile, username: username, password: password,
      passwordFile: passwordFile, insecure: insecure, caCert: caCert, timeout: timeout,
      retries: retries, apiRoot: apiRoot)
    do {
      return try ConnectionSettings.resolve(
        options: flags, environment: environment, readSecret: SecretFile.read)
    } catch {
      throw .other(error.description)
    }
  }

  static func now() -> Timestamp {
    Timestamp(microseconds: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()))
  }
}

/// One updating line on stderr while fetching, only on a terminal.
final class ProgressLine: @unchecked Sendable {
  private let enabled: Bool
  private var shown = false

  init(enabled: Bool) { self.enabled = enabled }

  func show(_ p: FetchProgress) {
    guard enabled else { return }
    shown = true
    Diagnostics.progress(
      "awx-report: \(p.requests) requests, \(p.nodes) nodes, \(p.workflows) workflow\(p.workflows == 1 ? "" : "s")")
  }

  func clear() {
    guard enabled, shown else { return }
    shown = false
    Diagnostics.endProgress()
  }
}
