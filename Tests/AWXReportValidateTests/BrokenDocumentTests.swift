import AWXReportLayout
import AWXReportValidate
import Testing

/// Broken documents fail at the right line. In `svgDocument`, body line k is file line 4 + k.
@Suite("Broken documents fail at the right line")
struct BrokenDocumentTests {
  @Test("Unclosed tag: reported where the mismatching end tag is, with a column")
  func unclosedTag() {
    let report = validator.validate(
      svgDocument(
        """
        <g id="node1" class="node">
        <title>a</title>
        """), fileName: "unclosed.svg")
    #expect(!report.isValid)
    let issue = report.issues.first
    #expect(issue?.rule == .xml)
    #expect(issue?.line == 7)
    #expect(issue?.column == 7)
    #expect(issue?.message == "Opening and ending tag mismatch: g line 5 and svg")
    #expect(report.dtdStatus == .notRun)
    #expect(report.textLines().first == "unclosed.svg:7:7: error: " + (issue?.message ?? ""))
  }

  @Test("Unknown element is rejected by the DTD on its line")
  func unknownElement() {
    let report = validator.validate(
      svgDocument(
        """
        <g id="g1">
        <rect width="1" height="1"/>
        <blink>x</blink>
        </g>
        """), fileName: "unknown.svg")
    #expect(
      report.hasError(.dtd, line: 7, containing: "No declaration for element blink"),
      "\(report.dump)")
    #expect(report.dtdChecked)
  }

  @Test("Attribute the DTD does not allow")
  func attributeNotAllowed() {
    let report = validator.validate(
      svgDocument(
        """
        <g>
        <rect width="1" height="1" colour="red"/>
        </g>
        """), fileName: "attr.svg")
    #expect(
      report.hasError(.dtd, line: 6, containing: "attribute colour of element rect"),
      "\(report.dump)")
  }

  @Test("Enumerated attribute with a value the DTD rejects")
  func badEnumeratedValue() {
    let report = validator.validate(
      svgDocument(
        """
        <g>

        <path d="M0,0L1,1" fill-rule="sideways"/>
        </g>
        """), fileName: "enum.svg")
    #expect(report.hasError(.dtd, line: 7, containing: "fill-rule"), "\(report.dump)")
    #expect(report.hasError(.dtd, line: 7, containing: "enumerated set"), "\(report.dump)")
  }

  @Test("Duplicate id: reported on the second element, naming the first line")
  func duplicateID() {
    let report = validator.validate(
      svgDocument(
        """
        <g id="node1" class="node"><title>a</title></g>
        <g id="n2" class="node"><title>b</title></g>
        <g id="node1" class="node"><title>c</title></g>
        """), fileName: "dup.svg")
    #expect(
      report.hasError(
        .structure, line: 7, containing: #"duplicate id "node1" (first defined on line 5)"#),
      "\(report.dump)")
  }

  @Test("Missing viewBox on the root")
  func missingViewBox() {
    let report = validator.validate(
      svgDocument("<g/>", rootAttributes: #"width="10" height="10""#), fileName: "nv.svg")
    #expect(report.hasError(.structure, line: 4, containing: "no viewBox"), "\(report.dump)")
  }

  @Test("Malformed viewBox")
  func malformedViewBox() {
    let report = validator.validate(
      svgDocument("<g/>", rootAttributes: #"viewBox="0 0 -5 abc""#), fileName: "bv.svg")
    #expect(report.hasError(.structure, line: 4, containing: "four numbers"), "\(report.dump)")
  }

  @Test("Root must be svg in the SVG namespace")
  func wrongRoot() {
    let report = validator.validate(
      #"<svg viewBox="0 0 1 1"><g/></svg>"#, fileName: "ns.svg")
    #expect(report.hasError(.structure, line: 1, containing: "in no namespace"), "\(report.dump)")
  }

  @Test("Edge title naming a node that does not exist")
  func edgeToMissingNode() {
    let report = validator.validate(
      svgDocument(
        """
        <g id="node1" class="node"><title>a</title></g>
        <g id="node2" class="node"><title>b</title></g>
        <g id="edge1" class="edge"><title>a&#45;&gt;b</title></g>

        <g id="edge2" class="edge failure"><title>a->zz</title></g>
        <g id="edge3" class="edge"><title>nothing</title></g>
        """), fileName: "edge.svg")
    #expect(report.issues.count == 2, "\(report.dump)")
    #expect(report.hasError(.structure, line: 9, containing: #"missing node "zz""#))
    #expect(report.hasError(.structure, line: 10, containing: "not of the form A->B"))
  }

  @Test("Node and edge groups must start with a title")
  func groupWithoutTitle() {
    let report = validator.validate(
      svgDocument(#"<g id="node1" class="node"><rect width="1" height="1"/></g>"#),
      fileName: "t.svg")
    #expect(report.hasError(.structure, line: 5, containing: "must start with a <title>"))
  }

  @Test("Empty file")
  func emptyFile() {
    let report = validator.validate([UInt8](), fileName: "empty.svg")
    #expect(report.textLines() == ["empty.svg:1:1: error: document is empty"])
    #expect(report.dtdStatus == .notRun)
  }

  @Test("Whitespace-only file")
  func whitespaceFile() {
    let report = validator.validate("  \n\n", fileName: "ws.svg")
    #expect(!report.isValid)
    #expect(report.issues.first?.rule == .xml)
  }

  @Test("Binary file (random bytes including NUL) is an XML error on line 1")
  func binaryFile() {
    var generator = SplitMix64(seed: 42)
    var bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    bytes[0] = 0x89  // PNG-like start
    bytes[7] = 0x00
    let report = validator.validate(bytes, fileName: "random.bin")
    #expect(!report.isValid)
    #expect(report.issues.allSatisfy { $0.rule == .xml })
    #expect(report.issues.first?.line == 1, "\(report.dump)")
    #expect(report.textLines().allSatisfy { !$0.contains("\n") })
  }

  @Test("NUL byte inside an otherwise valid document")
  func nulByte() {
    let bytes = Array(svgDocument("<g/>\n<g>\u{0}</g>").utf8)
    let report = validator.validate(bytes, fileName: "nul.svg")
    #expect(report.hasError(.xml, line: 6), "\(report.dump)")
  }

  @Test("A DOCTYPE other than SVG 1.1 is refused (and never loaded)")
  func otherDoctype() {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE svg SYSTEM "file:///etc/passwd">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>
      """
    let report = validator.validate(text, fileName: "doctype.svg")
    #expect(report.hasError(.dtd, line: 2, containing: "DOCTYPE must be"), "\(report.dump)")
    #expect(!report.dump.contains("root:"))
  }

  @Test("Line numbers stay right past line 65,535")
  func bigLineNumbers() {
    let padding = String(repeating: "<g/>\n", count: 70_000)
    let report = validator.validate(
      svgDocument(padding + "<rect width=\"1\" height=\"1\" colour=\"red\"/>"), fileName: "big.svg")
    #expect(report.hasError(.dtd, line: 70_005, containing: "colour"), "\(report.dump)")
  }
}
