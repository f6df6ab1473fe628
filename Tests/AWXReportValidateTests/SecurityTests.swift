import AWXReportValidate
import Foundation
import Testing

@Suite("Security rules and safe parsing")
struct SecurityTests {
  @Test("<script> is refused")
  func script() {
    let report = validator.validate(
      svgDocument(
        """
        <g/>
        <script type="text/ecmascript">alert(1)</script>
        """), fileName: "s.svg")
    #expect(report.hasError(.security, line: 6, containing: "<script>"), "\(report.dump)")
  }

  @Test("on* event attributes are refused")
  func eventAttribute() {
    let report = validator.validate(
      svgDocument(
        #"<g/>"#, rootAttributes: #"viewBox="0 0 1 1" onload="alert(1)""#), fileName: "o.svg")
    #expect(
      report.hasError(.security, line: 4, containing: #""onload" on <svg>"#),
      "\(report.dump)")
    let second = validator.validate(
      svgDocument("<g>\n<rect width=\"1\" height=\"1\" onclick=\"x()\"/>\n</g>"), fileName: "c.svg")
    #expect(second.hasError(.security, line: 6, containing: "onclick"), "\(second.dump)")
  }

  @Test("javascript: links are refused, however they are spelled")
  func javascriptLink() {
    let report = validator.validate(
      svgDocument(
        """
        <a xlink:href="javascript:alert(1)"><text>x</text></a>
        <a xlink:href=" JavaScript&#9;:alert(1)"><text>y</text></a>
        <set attributeName="fill" to="javascript:alert(1)"/>
        """), fileName: "js.svg")
    #expect(report.hasError(.security, line: 5, containing: "javascript: URL"), "\(report.dump)")
    #expect(report.hasError(.security, line: 6, containing: "javascript: URL"), "\(report.dump)")
    #expect(report.hasError(.security, line: 7, containing: "javascript: URL"), "\(report.dump)")
  }

  @Test("External URLs are refused: href, url() in attributes and style, @import")
  func externalURL() {
    let report = validator.validate(
      svgDocument(
        """
        <a xlink:href="https://example.com/"><text>x</text></a>
        <rect width="1" height="1" fill="url(http://evil.example/p.svg#g)"/>
        <rect width="1" height="1" style="fill: URL( 'https://evil.example/x' )"/>
        <style type="text/css">@import url(https://evil.example/x.css);</style>
        <image width="1" height="1" xlink:href="file:///etc/passwd"/>
        <rect width="1" height="1" fill="url(#ok)" style="stroke:url('#ok')"/>
        """), fileName: "ext.svg")
    #expect(report.hasError(.security, line: 5, containing: "https://example.com/"))
    #expect(report.hasError(.security, line: 6, containing: "http://evil.example/p.svg#g"))
    #expect(report.hasError(.security, line: 7, containing: "https://evil.example/x"))
    #expect(report.hasError(.security, line: 8, containing: "@import"))
    #expect(report.hasError(.security, line: 8, containing: "url(...) in <style>"))
    #expect(report.hasError(.security, line: 9, containing: "file:///etc/passwd"))
    #expect(report.issues(.security, line: 10).isEmpty, "\(report.dump)")
  }

  @Test("<foreignObject> is refused")
  func foreignObject() {
    let report = validator.validate(
      svgDocument(
        """
        <g/>
        <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div>
        </foreignObject>
        """), fileName: "fo.svg")
    #expect(report.hasError(.security, line: 6, containing: "<foreignObject>"), "\(report.dump)")
  }

  @Test("XXE: the entity is refused unexpanded, /etc/passwd never shows up")
  func externalEntity() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE svg [
      <!ENTITY x SYSTEM "file:///etc/passwd">
      ]>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&x;</text></svg>
      """
    let clock = ContinuousClock()
    let start = clock.now
    let report = validator.validate(text, fileName: "xxe.svg")
    #expect(clock.now - start < .milliseconds(500))
    #expect(
      report.hasError(.security, line: 3, containing: "entity declarations are not allowed"),
      "\(report.dump)")
    let passwd = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
    let firstLine = passwd.split(separator: "\n").first.map(String.init) ?? "root:x:0:0"
    #expect(!report.dump.contains(firstLine))
    #expect(!report.dump.contains("root:"))
    #expect(!report.isValid)
  }

  @Test("Billion laughs: refused at the first declaration, quickly, without expanding")
  func billionLaughs() {
    var declarations = [#"<!ENTITY lol "lol">"#]
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      let body = String(repeating: "&\(previous);", count: 10)
      declarations.append("<!ENTITY lol\(level) \"\(body)\">")
    }
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE svg [
      \(declarations.joined(separator: "\n"))
      ]>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&lol9;</text></svg>
      """
    let clock = ContinuousClock()
    let start = clock.now
    let report = validator.validate(text, fileName: "lol.svg")
    #expect(clock.now - start < .milliseconds(500))
    #expect(report.issues.count == 1, "\(report.dump)")
    #expect(report.hasError(.security, line: 3, containing: "<!ENTITY lol>"))
    #expect(!report.dump.contains("lollollol"))
  }

  @Test("Parameter entities and other internal-subset declarations are refused")
  func internalSubset() {
    let parameter = validator.validate(
      "<!DOCTYPE svg [\n<!ENTITY % p SYSTEM \"file:///etc/passwd\">\n%p;\n]>\n<svg/>",
      fileName: "pe.svg")
    #expect(parameter.hasError(.security, line: 2, containing: "<!ENTITY p>"), "\(parameter.dump)")
    #expect(!parameter.dump.contains("root:"))

    let attlist = validator.validate(
      "<!DOCTYPE svg [\n\n<!ATTLIST svg xmlns CDATA #FIXED \"http://www.w3.org/2000/svg\">\n]>"
        + "\n<svg viewBox=\"0 0 1 1\"/>", fileName: "attlist.svg")
    #expect(attlist.hasError(.dtd, line: 3, containing: "<!ATTLIST svg>"), "\(attlist.dump)")
  }
}
