import AWXReportTemplate
import Testing

/// Runs the official Mustache spec (core modules), vendored in `Spec/`. Never skipped: without
/// the spec files every module fails with the path it looked for.
@Suite("Mustache spec")
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
      #expect(
        counts[module.name] == module.caseCount,
        "module \(module.name): \(MustacheSpec.directory.path)/\(module.name).json")
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
