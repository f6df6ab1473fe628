import AWXReportTemplate
import Testing

/// Runs the official Mustache spec (core modules) when `shared/mustache-spec` is present; the
/// tests are reported as skipped otherwise.
@Suite("Mustache spec", .enabled(if: MustacheSpec.directory != nil, "Mustache spec not found"))
struct MustacheSpecTests {
  /// The name the case's template gets in its library; no spec partial uses it.
  static let templateName = "(spec template)"

  @Test("Every core module is present and complete")
  func completeness() {
    var counts: [String: Int] = [:]
    for specCase in MustacheSpec.cases where specCase.loadError == nil {
      counts[specCase.module, default: 0] += 1
    }
    for module in MustacheSpec.modules {
      #expect(counts[module.name] == module.caseCount, "module \(module.name)")
    }
    #expect(MustacheSpec.cases.count == 136)
  }

  @Test("Spec case", arguments: MustacheSpec.cases)
  func specCase(_ specCase: MustacheSpecCase) throws {
    if let loadError = specCase.loadError {
      Issue.record("cannot read spec module: \(loadError)")
      return
    }
    var sources = specCase.partials
    sources[Self.templateName] = specCase.template
    let library = try TemplateLibrary(sources: sources, strictPartials: false)
    let output = try library.render(Self.templateName, specCase.data)
    #expect(output == specCase.expected, "\(specCase.description)")
  }
}

/// Records that the spec was skipped, so a run without `shared/` says so.
@Test(
  "Mustache spec location",
  .enabled(if: MustacheSpec.directory == nil, "Mustache spec found and run"))
func mustacheSpecSkipped() {
  print(
    "Mustache spec not found; skipped. Looked in: "
      + MustacheSpec.searchedPaths.joined(separator: ", ")
      + " (set \(MustacheSpec.environmentVariable) to override)")
}
