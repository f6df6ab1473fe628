import AWXReportTestSupport
import AWXReportValidate
import Testing

@Suite("Concurrent use")
struct ConcurrencyTests {
  @Test("Validating from many tasks at once gives the same reports as one at a time")
  func concurrentValidation() async throws {
    let once: [(String, [UInt8])] = [
      ("valid.svg", try fixture("valid-workflow.svg")),
      ("graphviz.svg", try fixture("graphviz-small-workflow.svg")),
      ("unclosed.svg", Array(svgDocument("<g>").utf8)),
      ("dtd.svg", Array(svgDocument("<blink/>\n<rect colour=\"1\"/>").utf8)),
      ("script.svg", Array(svgDocument("<script>x</script>").utf8)),
      ("xxe.svg", Array("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg/>".utf8)),
      ("binary.bin", [0, 1, 2, 0xFF, 0, 0x3C]),
    ]
    let documents = once + once
    let validators = [
      SVGValidator(),
      SVGValidator(options: .init(catalogFiles: [fixtureURL("empty-catalog.xml").path])),
    ]
    let expected = documents.flatMap { name, bytes in
      validators.map { $0.validate(bytes, fileName: name) }
    }
    let rounds = 8
    let results = await withTaskGroup(of: (Int, [ValidationReport]).self) { group in
      for round in 0..<rounds {
        group.addTask {
          let reports = documents.flatMap { name, bytes in
            validators.map { $0.validate(bytes, fileName: name) }
          }
          return (round, reports)
        }
      }
      var all: [[ValidationReport]] = []
      for await (_, reports) in group { all.append(reports) }
      return all
    }
    #expect(results.count == rounds)
    for reports in results {
      #expect(reports == expected)
    }
  }
}
