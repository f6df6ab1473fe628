import AWXReportValidate
import ArgumentParser
import FoundationEssentials

/// `awx-report validate FILE...`: checks any SVG (ours or another tool's) the way every SVG
/// the tool writes is checked before it is published.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Validate SVG files: well-formed, SVG 1.1 DTD (offline), and safety rules.",
    discussion: """
      Prints one 'file:line:column: severity: message' line per finding (or JSON with \
      --format json) and exits 0 only when every file is valid.
      """)

  @Argument(help: "SVG files to check.")
  var files: [String]

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @Flag(help: "Treat a missing SVG 1.1 DTD as an error.")
  var strict = false

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  func run() throws {
    let validator = SVGValidator(options: .init(strict: strict))
    var reports: [ValidationReport] = []
    var unreadable = false
    for path in files {
      do {
        let bytes = try InputFile.read(path)
        reports.append(validator.validate(bytes, fileName: path))
      } catch {
        Diagnostics.error(error.description)
        unreadable = true
      }
    }
    if reports.contains(where: \.dtdUnavailable) && !strict {
      Diagnostics.warning(ValidationNotice.dtdMissing)
    }
    switch format {
    case .json:
      Output.write(ValidationReport.json(reports))
    case .text:
      for r in reports {
        let lines = r.textLines()
        if lines.isEmpty {
          Output.line("\(r.fileName): valid\(r.dtdChecked ? "" : " (DTD not checked)")")
        } else {
          lines.forEach(Output.line)
        }
      }
    }
    if unreadable || reports.contains(where: { !$0.isValid }) { throw ExitCode(1) }
  }
}

/// Texts shared by `validate` and the report pipeline.
enum ValidationNotice {
  static let dtdMissing =
    "the W3C SVG 1.1 DTD is not installed (Debian: apt-get install w3c-sgml-lib); "
    + "SVGs were checked for well-formedness and safety but not against the DTD "
    + "(--strict makes this an error)"
}
