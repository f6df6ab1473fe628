import AWXReportAPI
import AWXReportJSON
import AWXReportRender
import AWXReportTemplate
import AWXReportValidate
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// An archive on disk: `workflow-job-<ID>/` directories (each published atomically by
/// ``OutputDirectory``), and `index.html`, `index.json` and `SHA256SUMS` at the root.
///
/// Only the visible `workflow-job-<digits>` directories count. Hidden leftovers of a killed run
/// (`.workflow-job-<ID>.tmp-…` staging directories, `.old-…` ones being replaced, `.index…`
/// temporary files) are removed by ``removeLeftovers()`` and never indexed.
struct ArchiveDirectory {
  /// The archive's root.
  let url: URL

  /// The index files, in the order they are written; `SHA256SUMS` comes after them.
  static let indexJSON = "index.json"
  static let indexHTML = "index.html"
  static let manifest = "SHA256SUMS"

  init(path: String) { url = URL(fileURLWithPath: path, isDirectory: true) }

  /// The directory of job `id`.
  func jobURL(_ id: Int) -> URL {
    url.appendingPathComponent("workflow-job-\(id)", isDirectory: true)
  }

  /// Creates the root when missing.
  func create() throws(CommandError) {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw .writeFailed(path: url.path, reason: errorReason(error))
    }
  }

  /// Removes what a killed run left half-done: hidden staging and retired directories, and
  /// temporary index files.
  func removeLeftovers() {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: url.path) else { return }
    for name in names
    where (name.hasPrefix(".workflow-job-") && (name.contains(".tmp-") || name.contains(".old-")))
      || name.hasPrefix(".index-tmp-")
    {
      try? fm.removeItem(at: url.appendingPathComponent(name))
    }
  }

  /// The ids of the job directories present, ascending.
  func jobIDs() -> [Int] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.compactMap { name -> Int? in
      guard name.hasPrefix("workflow-job-"), let id = Int(name.dropFirst(13)), id > 0,
        name == "workflow-job-\(id)"
      else { return nil }
      guard isDirectory(jobURL(id).path) else { return nil }
      return id
    }.sorted()
  }

  // MARK: Verification

  /// Whether job `id`'s directory is complete and unaltered: every file its `SHA256SUMS` lists
  /// has that digest, `snapshot.json` and `summary.json` are among them, and the snapshot's own
  /// response digests verify and name job `id`. Returns the reason when it does not.
  func verify(_ id: Int) -> String? {
    let dir = jobURL(id)
    guard
      let manifest = FileManager.default.contents(
        atPath: dir.appendingPathComponent(Self.manifest).path)
    else { return "no SHA256SUMS" }
    guard let listed = Self.parseManifest([UInt8](manifest)) else {
      return "SHA256SUMS is malformed"
    }
    let names = Set(listed.map(\.name))
    guard names.contains("snapshot.json"), names.contains("summary.json") else {
      return "SHA256SUMS does not cover snapshot.json and summary.json"
    }
    var snapshotBytes: [UInt8] = []
    for (digest, name) in listed {
      guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path)
      else { return "\(name) is missing" }
      let bytes = [UInt8](data)
      guard SHA256.hex(bytes) == digest else { return "\(name) does not match SHA256SUMS" }
      if name == "snapshot.json" { snapshotBytes = bytes }
    }
    do {
      let snapshot = try Snapshot.decode(
        snapshotBytes, source: "snapshot.json", verifyDigests: true)
      guard snapshot.workflowJobID == id else {
        return "snapshot.json holds workflow job \(snapshot.workflowJobID)"
      }
    } catch {
      return error.description
    }
    return nil
  }

  /// `SHA256SUMS` lines (`<64 hex>  <name>`), or nil when a line is not one, or a name leaves
  /// the directory.
  static func parseManifest(_ bytes: [UInt8]) -> [(digest: String, name: String)]? {
    var out: [(digest: String, name: String)] = []
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      guard line.utf8.count > 66 else { return nil }
      let digest = String(line.prefix(64))
      let rest = line.dropFirst(64)
      guard rest.hasPrefix("  "),
        digest.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) })
      else { return nil }
      let name = String(rest.dropFirst(2))
      guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { return nil }
      out.append((digest, name))
    }
    return out.isEmpty ? nil : out
  }

  // MARK: Index

  /// The index entry of job directory `id`, from its `summary.json` and `SHA256SUMS`.
  func entry(_ id: Int) throws(CommandError) -> ArchiveEntry {
    let dir = jobURL(id)
    let name = "workflow-job-\(id)"
    let fm = FileManager.default
    guard let summary = fm.contents(atPath: dir.appendingPathComponent("summary.json").path) else {
      throw .unreadable(path: "\(url.path)/\(name)/summary.json", reason: "no such file")
    }
    guard let manifest = fm.contents(atPath: dir.appendingPathComponent(Self.manifest).path) else {
      throw .unreadable(path: "\(url.path)/\(name)/SHA256SUMS", reason: "no such file")
    }
    return try Self.entry(
      summary: [UInt8](summary), manifest: [UInt8](manifest), directory: name,
      hasReport: fm.fileExists(atPath: dir.appendingPathComponent("report.html").path))
  }

  /// The index entry of a job directory from its files' bytes.
  static func entry(summary: [UInt8], manifest: [UInt8], directory: String, hasReport: Bool)
    throws(CommandError) -> ArchiveEntry
  {
    do {
      return try ArchiveEntry(
        summaryJSON: summary, directory: directory, hasReport: hasReport,
        manifestSHA256: SHA256.hex(manifest))
    } catch {
      throw .other(error.description)
    }
  }

  /// The entries of every job directory present; a directory whose summary cannot be read is
  /// left out with a warning.
  func scanEntries() -> [ArchiveEntry] {
    var entries: [ArchiveEntry] = []
    for id in jobIDs() {
      do throws(CommandError) {
        entries.append(try entry(id))
      } catch {
        Diagnostics.warning("not indexed: \(error.description)")
      }
    }
    return entries
  }

  /// The failures the current `index.json` lists (for `awx-report index`, which keeps them).
  func previousFailures() -> [ArchiveFailure] {
    guard
      let data = FileManager.default.contents(
        atPath: url.appendingPathComponent(Self.indexJSON).path),
      let root = try? JSONParser.parse([UInt8](data)), let items = root["failures"]?.array
    else { return [] }
    return items.compactMap { item in
      guard let id = item["id"]?.int, let reason = item["reason"]?.string else { return nil }
      return ArchiveFailure(id: id, reason: reason)
    }
  }

  /// Writes `index.json`, `index.html` and `SHA256SUMS` for `entries`, each atomically (a
  /// temporary file renamed into place), `SHA256SUMS` last.
  /// - Returns: the paths written.
  @discardableResult
  func writeIndex(
    entries: [ArchiveEntry], failures: [ArchiveFailure], templates: TemplateLibrary,
    strictValidation: Bool, warnings: inout [String]
  ) throws(CommandError) -> [String] {
    let index = ArchiveIndex(
      entries: entries, failures: failures, tool: "awx-report \(AWXReport.version)")
    let charts = ArchiveIndexPage.charts(index)
    for chart in charts {
      let name = "\(Self.indexHTML) (\(chart.id))"
      let report = SVGValidator(options: .init(strict: strictValidation))
        .validate(Array(chart.svg.utf8), fileName: name)
      guard report.isValid else {
        throw .invalidSVG(report.errors.map { $0.textLine(fileName: name) })
      }
      if report.dtdUnavailable && !warnings.contains(ValidationNotice.dtdMissing) {
        warnings.append(ValidationNotice.dtdMissing)
      }
    }
    let html: String
    do {
      html = try ArchiveIndexPage(templates: templates).render(index, charts: charts)
    } catch {
      throw .page(error)
    }
    let json = Array(ArchiveIndexJSON.render(index).utf8)
    let page = Array(html.utf8)
    var manifest: [(name: String, bytes: [UInt8])] = [
      (Self.indexHTML, page), (Self.indexJSON, json),
    ]
    var text = ""
    for f in manifest { text += "\(SHA256.hex(f.bytes))  \(f.name)\n" }
    for e in index.entries.sorted(by: { $0.id < $1.id }) {
      text += "\(e.manifestSHA256)  \(e.directory)/\(Self.manifest)\n"
    }
    manifest.append((Self.manifest, Array(text.utf8)))
    var written: [String] = []
    for f in [manifest[1], manifest[0], manifest[2]] {
      try replace(f.name, with: f.bytes)
      written.append(url.appendingPathComponent(f.name).path)
    }
    return written
  }

  /// Writes `bytes` to a hidden temporary file, then renames it over `name`.
  func replace(_ name: String, with bytes: [UInt8]) throws(CommandError) {
    let final = url.appendingPathComponent(name)
    let temp = url.appendingPathComponent(".index-tmp-\(getpid())-\(name)")
    do {
      try Data(bytes).write(to: temp)
      guard rename(temp.path, final.path) == 0 else {
        throw CommandError.writeFailed(path: final.path, reason: String(cString: strerror(errno)))
      }
    } catch let error as CommandError {
      try? FileManager.default.removeItem(at: temp)
      throw error
    } catch {
      try? FileManager.default.removeItem(at: temp)
      throw .writeFailed(path: final.path, reason: errorReason(error))
    }
  }
}
