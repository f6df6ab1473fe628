import AWXReportFetch
import AWXReportJSON
import ArgumentParser
import FoundationEssentials

/// `awx-report launch TEMPLATE`: launches a workflow job template, prints the new job's id, and
/// with `--watch` follows it as `watch` does:
/// `awx-report launch "Deploy web" --extra-vars @vars.yml --watch --exit-status --out artifacts/`.
struct LaunchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "launch",
    abstract: "Launch a workflow job template and print the new job's id; --watch follows it.",
    discussion: """
      TEMPLATE is a workflow job template id, or its exact name (a name several templates \
      share is an error listing their ids). AWX accepts each prompt only when the template \
      asks for it on launch; its refusals (missing survey answers, fields not prompted) are \
      shown as one line. --extra-vars takes JSON or YAML text, or @FILE; YAML is passed to \
      AWX as text, which AWX parses. The launch request is sent once.
      """)

  @Argument(help: "The workflow job template: id or exact name.")
  var template: String

  @Option(help: ArgumentHelp("Extra variables: JSON or YAML text, or @FILE.", valueName: "vars"))
  var extraVars: String?

  @Option(help: "Host limit (the template must prompt for it).")
  var limit: String?

  @Option(help: "Inventory: id or exact name (the template must prompt for it).")
  var inventory: String?

  @Option(help: "Source control branch (the template must prompt for it).")
  var scmBranch: String?

  @Option(name: .customLong("label"), help: "A label, id or exact name; repeatable.")
  var labels: [String] = []

  @Flag(help: "Follow the new job until it finishes, then write its reports (as watch).")
  var watch = false

  @OptionGroup var connection: WatchConnectionFlags
  @OptionGroup var watchFlags: WatchFlags
  @OptionGroup var report: ReportFlags

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    var code: ExitCode?
    do throws(CommandError) {
      let variables = try extraVars.map(ExtraVars.load)
      let client = try connection.client(environment: environment, quiet: report.quiet)
      let newID: Int
      do {
        let root = try client.resolvedAPIRoot()
        let target = try Self.resolve(
          template, in: "workflow_job_templates/", what: "workflow job template", client: client,
          root: root)
        var fields: [(key: String, value: JSONValue)] = []
        if let variables { fields.append(("extra_vars", variables)) }
        if let inventory {
          let id = try Self.resolve(
            inventory, in: "inventories/", what: "inventory", client: client, root: root)
          fields.append(("inventory", .number(String(id))))
        }
        if let limit { fields.append(("limit", .string(limit))) }
        if let scmBranch { fields.append(("scm_branch", .string(scmBranch))) }
        if !labels.isEmpty {
          var ids: [JSONValue] = []
          for label in labels {
            let id = try Self.resolve(
              label, in: "labels/", what: "label", client: client, root: root)
            ids.append(.number(String(id)))
          }
          fields.append(("labels", .array(ids)))
        }
        do {
          newID = try client.launchWorkflowTemplate(target, fields: .object(fields), root: root)
        } catch {
          if case .http(_, 400, let detail, _) = error {
            throw LookupError(
              message: "AWX refused to launch workflow job template \(target): "
                + (detail.map { TerminalText.escaped($0) } ?? "HTTP 400"))
          }
          throw error
        }
      } catch let error as LookupError {
        throw .other(error.message)
      } catch let error as FetchError {
        throw .other(error.description)
      } catch {
        throw .other("\(error)")
      }
      code = try WatchSession.started(
        newID, follow: watch, client: client, flags: watchFlags, report: report,
        environment: environment)
    } catch {
      Diagnostics.report(error)
      throw ExitCode(ExitStatus.toolFailed)
    }
    if let code { throw code }
  }

  /// A look-up that found no object, or several.
  struct LookupError: Error {
    var message: String
  }

  /// `text` as an id: itself when it is a number, else the one object of `collection` with that
  /// exact name.
  static func resolve(
    _ text: String, in collection: String, what: String, client: AWXClient, root: String
  ) throws -> Int {
    if let id = Int(text), id > 0 { return id }
    let found = try client.named(text, in: collection, root: root)
    let name = TerminalText.quoted(text)
    switch found.count {
    case 0:
      throw LookupError(message: "no \(what) is named \(name)")
    case 1:
      return found[0].id
    default:
      throw LookupError(
        message: "\(found.count) \(what == "inventory" ? "inventories" : what + "s") are named "
          + "\(name) (ids "
          + found.map { String($0.id) }.joined(separator: ", ") + "); pass the id instead")
    }
  }
}

/// `--extra-vars`: JSON or YAML text, or `@FILE`.
enum ExtraVars {
  /// The value sent as `extra_vars`: a JSON object as an object; any other text (YAML) as a
  /// string, which AWX parses as YAML (`extra_vars` accepts "a dict or a YAML/JSON string").
  /// - Throws: `CommandError` when the file cannot be read, or the JSON is not an object.
  static func load(_ argument: String) throws(CommandError) -> JSONValue {
    var text = argument
    if argument.hasPrefix("@") {
      let path = String(argument.dropFirst())
      let bytes = try InputFile.read(path)
      guard let decoded = String(validating: bytes, as: UTF8.self) else {
        throw .unreadable(path: path, reason: "not UTF-8 text")
      }
      text = decoded
    }
    let trimmed = text.trimmingBlanks(newlines: true)
    if trimmed.isEmpty { return .object([]) }
    if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
      if let value = try? JSONParser.parse(Array(trimmed.utf8)) {
        guard case .object = value else {
          throw .other("--extra-vars must be a mapping of variable names to values")
        }
        return value
      }
    }
    return .string(text)
  }
}
