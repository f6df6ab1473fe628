import AWXReportFetch
import AWXReportModel
import ArgumentParser
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// `awx-report list`: the workflow jobs AWX's filters select, as a table or for scripts.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract:
      "List workflow jobs, filtered by AWX (status, template, dates, launch type, label, name).",
    discussion: """
      Every filter is sent to AWX as a query parameter of GET /api/v2/workflow_jobs/ \
      (page_size=200, every page followed up to --limit), so AWX does the filtering. \
      Connection settings as for 'fetch'.
      """)

  @OptionGroup var filters: ListFilterFlags

  @Option(help: "Output: table (for people), json, csv, tsv, or ids (one id a line).")
  var format: JobListFormat = .table

  @OptionGroup var connection: ConnectionFlags

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let jobs: [WorkflowJob]
    do throws(CommandError) {
      let filter: WorkflowJobFilter
      do { filter = try filters.filter(now: FetchCommand.now()) } catch {
        throw .other(error.message)
      }
      let (client, root) = try AWXSession.open(connection, environment: environment)
      do {
        jobs = try WorkflowJobLister(client: client, root: root).list(filter, limit: filters.limit)
      } catch {
        throw .other(error.description)
      }
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
    let width = Terminal.columns(fd: 1)
    Output.write(format.render(jobs, width: width))
  }
}

/// Opening a connection for the commands that talk to AWX without a snapshot.
enum AWXSession {
  /// A client over libcurl, and the API root (from `--api-root`, else discovered).
  static func open(
    _ flags: ConnectionFlags, environment: [String: String],
    transport: ((ConnectionSettings) throws(FetchError) -> any HTTPTransport)? = nil
  ) throws(CommandError) -> (AWXClient, String) {
    let settings = try flags.settings(environment: environment)
    for warning in settings.warnings { Diagnostics.warning(warning.description) }
    do {
      let client = try client(flags, settings: settings, transport: transport)
      if let root = settings.apiRoot { return (client, root) }
      return (client, try client.discoverAPIRoot())
    } catch {
      throw .other(error.description)
    }
  }

  /// A client for `settings`, logging requests with `-v`.
  static func client(
    _ flags: ConnectionFlags, settings: ConnectionSettings,
    transport: ((ConnectionSettings) throws(FetchError) -> any HTTPTransport)? = nil
  ) throws(FetchError) -> AWXClient {
    let observer: (FetchEvent) -> Void = { event in
      if let line = flags.logLine(for: event) { Diagnostics.note(line) }
    }
    let made: any HTTPTransport
    if let transport {
      made = try transport(settings)
    } else {
      made = try CurlTransport(settings: settings, userAgent: "awx-report/\(AWXReport.version)")
    }
    return AWXClient(settings: settings, transport: made, observer: observer)
  }
}

/// The terminal's size.
enum Terminal {
  /// The width of the terminal on `fd`, or nil when it is not a terminal.
  static func columns(fd: Int32) -> Int? {
    guard isatty(fd) == 1 else { return nil }
    var size = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
  }
}
