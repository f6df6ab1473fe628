import AWXReportValidate
import Foundation
import Testing

/// The DTD is checked during the parse, against the shared, once-loaded SVG 1.1 DTD.
@Suite("DTD validation during the parse")
struct InParseValidationTests {
  @Test("Several DTD errors on one line come in document order, as xmlValidateDtd gave them")
  func orderOnOneLine() {
    let text = """
      <?xml version="1.0"?>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><g colour="x" id="a"><blink/>\
      <rect width="1" fill-rule="no"/>text<g id="a"/></g></svg>
      """
    let report = validator.validate(text, fileName: "order.svg")
    let messages = report.issues.map(\.message)
    #expect(messages.count == 7, "\(report.dump)")
    guard messages.count == 7 else { return }
    #expect(messages[0].hasPrefix("Element g content does not follow the DTD"))
    #expect(messages[0].hasSuffix("got (blink rect CDATA g)"))
    #expect(
      Array(messages[1...]) == [
        "No declaration for attribute colour of element g",
        "No declaration for element blink",
        "Element rect does not carry attribute height",
        #"Value "no" for attribute fill-rule of rect is not among the enumerated set"#,
        "ID a already defined",
        #"duplicate id "a" (first defined on line 2)"#,
      ])
    #expect(report.issues.allSatisfy { $0.line == 2 && $0.column == 1 })
  }

  @Test("Without a DOCTYPE the document is still validated against SVG 1.1")
  func noDoctype() {
    let text = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">
      <blink/>
      </svg>
      """
    let report = validator.validate(text, fileName: "nodoctype.svg")
    #expect(report.dtdChecked)
    #expect(report.hasError(.dtd, line: 1, containing: "Element svg content does not follow"))
    #expect(report.hasError(.dtd, line: 2, containing: "No declaration for element blink"))
    #expect(report.issues.count == 2, "\(report.dump)")
  }

  @Test("Another DOCTYPE is refused, never loaded, and SVG 1.1 is still the DTD checked")
  func otherDoctypeStillValidated() {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE html SYSTEM "file:///etc/passwd">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">
      <blink/>
      </svg>
      """
    let report = validator.validate(text, fileName: "other.svg")
    #expect(report.dtdChecked)
    #expect(
      report.hasError(.dtd, line: 2, containing: #"found <!DOCTYPE html "file:///etc/passwd">"#))
    #expect(report.hasError(.dtd, line: 3, containing: "Element svg content does not follow"))
    #expect(report.hasError(.dtd, line: 4, containing: "No declaration for element blink"))
    #expect(report.issues.count == 3, "\(report.dump)")
  }

  @Test("A malformed document gets no DTD findings, even for elements before the error")
  func malformedHasNoValidityFindings() {
    let report = validator.validate(svgDocument("<blink/>\n<g>"), fileName: "bad.svg")
    #expect(report.dtdStatus == .notRun)
    #expect(report.issues.allSatisfy { $0.rule == .xml }, "\(report.dump)")
  }

  @Test("Two threads validating at once give the same reports as one after the other")
  func twoThreadsAtOnce() async {
    let documents = [
      ("big.svg", Array(Self.graph(groups: 400, broken: false).utf8)),
      ("broken.svg", Array(Self.graph(groups: 400, broken: true).utf8)),
    ]
    let sequential = documents.map { validator.validate($0.1, fileName: $0.0) }
    #expect(sequential[0].isValid, "\(sequential[0].dump)")
    #expect(sequential[1].issues.count > 400)
    let rounds = 6
    let results = await withTaskGroup(of: [ValidationReport].self) { group in
      for thread in 0..<2 {
        group.addTask {
          // Each thread starts on a different document, so the two overlap on both.
          (0..<rounds).map { round in
            let (name, bytes) = documents[(round + thread) % 2]
            return validator.validate(bytes, fileName: name)
          }
        }
      }
      var all: [[ValidationReport]] = []
      for await reports in group { all.append(reports) }
      return all
    }
    for reports in results {
      for report in reports {
        let expected = report.fileName == "big.svg" ? sequential[0] : sequential[1]
        #expect(report == expected)
      }
    }
  }

  /// A graph of `groups` node groups; `broken` adds DTD errors to every group.
  private static func graph(groups: Int, broken: Bool) -> String {
    var body = ""
    for index in 0..<groups {
      let extra = broken ? #" colour="red""# : ""
      body += """
        <g id="node\(index)" class="node"\(extra)><title>n\(index)</title>\
        <rect x="1" y="2" width="3" height="4"/>\(broken ? "<blink/>" : "")\
        <text x="1" y="2">n\(index)</text></g>

        """
    }
    return svgDocument(body)
  }
}
