import AWXReportTemplate
import FoundationEssentials

/// The report's templates: the set built into the binary (generated from `templates/` by
/// `Scripts/embed-templates.py`), optionally restyled from a directory.
///
/// A company restyles its reports with `awx-report render --templates DIR`: every `*.mustache`
/// and `*.css` file under `DIR` replaces the built-in file of the same relative name
/// (`report.css`, `partials/header.html.mustache`, …) or adds a new one (a new partial).
package enum ReportTemplates {
  /// The built-in templates, by path relative to `templates/`.
  package static var embeddedSources: [String: String] { EmbeddedTemplates.files }

  /// The built-in templates, replaced and extended by the files under `overrideDirectory`.
  /// - Throws: ``ReportTemplatesError`` when the directory is missing or unreadable.
  package static func sources(overrideDirectory: String?) throws(ReportTemplatesError)
    -> [String: String]
  {
    var sources = EmbeddedTemplates.files
    guard let directory = overrideDirectory else { return sources }
    for (name, text) in try overrides(in: directory) { sources[name] = text }
    return sources
  }

  /// The template library for ``HTMLReport``: built-in templates, overridden from
  /// `overrideDirectory` when given, parsed with strict partials.
  /// - Throws: ``ReportTemplatesError`` for a missing directory, an unreadable file, or a
  ///   template that does not parse (its description reads `file:line:column: error: …`).
  package static func library(overrideDirectory: String?) throws(ReportTemplatesError)
    -> TemplateLibrary
  {
    let sources = try sources(overrideDirectory: overrideDirectory)
    do {
      return try TemplateLibrary(sources: sources, strictPartials: true)
    } catch {
      let fromDirectory = overrideDirectory.flatMap { dir -> String? in
        guard let name = error.templateName, sources[name] != EmbeddedTemplates.files[name]
        else { return nil }
        return dir
      }
      throw .template(error, directory: fromDirectory)
    }
  }

  /// The template files under `directory`, by relative path.
  static func overrides(in directory: String) throws(ReportTemplatesError) -> [String: String] {
    let fm = FileManager.default
    var isDirectory = false
    guard fm.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw .directoryNotFound(directory)
    }
    guard isDirectory else { throw .notADirectory(directory) }
    // subpaths(atPath:) does not enter a directory given as a symbolic link.
    let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    guard let names = try? fm.subpathsOfDirectory(atPath: resolved) else {
      throw .unreadable(directory)
    }
    var result: [String: String] = [:]
    for name in names.sorted() {
      let components = name.split(separator: "/")
      guard name.hasSuffix(".mustache") || name.hasSuffix(".css"),
        !components.contains(where: { $0.hasPrefix(".") })
      else { continue }
      let path = resolved + "/" + name
      var isDir = false
      guard fm.fileExists(atPath: path, isDirectory: &isDir), !isDir else { continue }
      guard let data = fm.contents(atPath: path) else { throw .unreadable(path) }
      guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
        throw .notUTF8(path)
      }
      result[name] = text
    }
    return result
  }
}

/// Why the report templates could not be loaded.
package enum ReportTemplatesError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `--templates DIR` names nothing.
  case directoryNotFound(String)
  /// `--templates DIR` names a file.
  case notADirectory(String)
  /// A directory or file could not be read.
  case unreadable(String)
  /// A template file is not UTF-8.
  case notUTF8(String)
  /// A template does not parse; `directory` is set when the faulty file came from it.
  case template(TemplateError, directory: String?)

  /// One line (plus the engine's source excerpt for parse errors), naming the file.
  package var description: String {
    switch self {
    case .directoryNotFound(let d): return "templates directory '\(d)' does not exist"
    case .notADirectory(let d): return "templates path '\(d)' is not a directory"
    case .unreadable(let p): return "cannot read '\(p)'"
    case .notUTF8(let p): return "template '\(p)' is not UTF-8 text"
    case .template(let error, let directory):
      guard let directory else { return error.description }
      let prefix = directory.hasSuffix("/") ? directory : directory + "/"
      return prefix + error.description
    }
  }
}
