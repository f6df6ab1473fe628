import AWXReportTestSupport
import AWXReportValidate
import Testing

/// The "SVG DTD not installed" path, simulated with a catalog that resolves nothing.
@Suite("Missing SVG 1.1 DTD")
struct DTDAvailabilityTests {
  static let broken = svgDocument(
    """
    <g id="a"/>
    <g id="a"/>
    <blink/>
    """)

  @Test("Non-strict: a notice on the report (not an issue), the other checks still run")
  func nonStrict() {
    let validator = SVGValidator(
      options: .init(catalogFiles: [fixtureURL("empty-catalog.xml").path]))
    let report = validator.validate(Self.broken, fileName: "nodtd.svg")
    #expect(!report.dtdChecked)
    #expect(report.dtdUnavailable)
    #expect(report.issues.filter { $0.rule == .dtd }.isEmpty, "\(report.dump)")
    #expect(report.dtdNotice?.contains("SVG 1.1 DTD unavailable") == true)
    #expect(report.dtdNotice?.contains("does not resolve") == true)
    #expect(report.hasError(.structure, line: 6, containing: "duplicate id"))
    // Without the DTD, <blink> is not noticed: that is what the notice warns about.
    #expect(report.issues(.dtd, line: 7).isEmpty)

    let valid = validator.validate(svgDocument("<g/>"), fileName: "ok.svg")
    #expect(valid.isValid, "\(valid.dump)")
    #expect(valid.issues.isEmpty)
    #expect(!valid.dtdChecked)
  }

  @Test("Strict: the missing DTD is an error")
  func strict() {
    let validator = SVGValidator(
      options: .init(strict: true, catalogFiles: [fixtureURL("empty-catalog.xml").path]))
    let report = validator.validate(svgDocument("<g/>"), fileName: "strict.svg")
    #expect(!report.isValid)
    #expect(report.hasError(.dtd, line: 1, containing: "DTD validation skipped"), "\(report.dump)")
    #expect(report.dtdNotice != nil)
  }

  @Test("No catalog at all, or a catalog file that does not exist")
  func noCatalog() {
    for files in [[], ["/nonexistent/catalog.xml"]] {
      let report = SVGValidator(options: .init(catalogFiles: files))
        .validate(svgDocument("<g/>"), fileName: "x.svg")
      #expect(report.dtdStatus == .unavailable)
      #expect(report.isValid)
    }
  }

  @Test("An explicit catalog that has the DTD works like the system one")
  func explicitCatalog() {
    let validator = SVGValidator(options: .init(strict: true, catalogFiles: ["/etc/xml/catalog"]))
    let report = validator.validate(Self.broken, fileName: "cat.svg")
    #expect(report.dtdChecked)
    #expect(report.hasError(.dtd, line: 7, containing: "blink"), "\(report.dump)")
  }
}
