// bench-validate: timing and leak-check driver for AWXReportValidate.
//
//   bench-validate time FILE [N]   validate FILE N times (default 10), print the median in ms
//   bench-validate leak N          validate N small documents (valid, invalid, hostile) in turn,
//                                  every 10th also against an XML Schema; run under valgrind
//                                  by Benchmarks/leak-check.sh
import AWXReportValidate

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a whole file with stdio (no Foundation, so valgrind sees only our code and libxml2).
func readFile(_ path: String) -> [UInt8]? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
    if count == 0 { break }
    bytes += chunk[0..<count]
  }
  return bytes
}

func fail(_ message: String) -> Never {
  var line = "bench-validate: \(message)\n"
  line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  exit(64)
}

func milliseconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}

func timeMode(path: String, runs: Int) {
  guard let bytes = readFile(path) else { fail("cannot read \(path)") }
  let validator = SVGValidator(options: .init(strict: true))
  let clock = ContinuousClock()
  var times: [Double] = []
  var report: ValidationReport?
  for _ in 0..<runs {
    let start = clock.now
    report = validator.validate(bytes, fileName: path)
    times.append(milliseconds(clock.now - start))
  }
  times.sort()
  let median =
    times.count % 2 == 1
    ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
  if let report {
    for line in report.textLines().prefix(10) { print(line) }
    print(
      "file=\(path) bytes=\(bytes.count) valid=\(report.isValid) dtd=\(report.dtdStatus) "
        + "issues=\(report.issues.count)")
  }
  print(
    "runs=\(runs) min=\(fmt(times.first ?? 0)) ms median=\(fmt(median)) ms "
      + "max=\(fmt(times.last ?? 0)) ms")
}

func fmt(_ value: Double) -> String {
  let hundredths = Int((value * 100).rounded())
  let fraction = hundredths % 100
  return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// Small documents covering every path: valid, DTD-invalid, not well-formed, hostile, empty,
/// binary, and the missing-DTD path (an empty catalog list).
let leakSamples: [(name: String, text: String)] = {
  let head = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" \
    "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">

    """
  let open = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n"
  return [
    (
      "valid",
      head + open + """
        <g id="n1" class="node"><title>a</title></g>
        <g id="n2" class="node"><title>b</title></g>
        <g id="e1" class="edge"><title>a->b</title><path d="M0,0L1,1"/></g>
        </svg>
        """
    ),
    ("dtd-invalid", head + open + "<g><blink/><rect fill-rule=\"sideways\"/></g></svg>"),
    (
      "structure",
      head + "<svg xmlns=\"http://www.w3.org/2000/svg\">"
        + "<g id=\"x\"/><g id=\"x\"/><script>1</script>"
        + "<a href=\"javascript:alert(1)\"><text onclick=\"x()\">t</text></a></svg>"
    ),
    ("unclosed", head + open + "<g>\n</svg>"),
    (
      "xxe",
      """
      <?xml version="1.0"?>
      <!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&x;</text></svg>
      """
    ),
    (
      "laughs",
      """
      <?xml version="1.0"?>
      <!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ATTLIST svg foo (x|y) "x">]>
      <svg xmlns="http://www.w3.org/2000/svg">&b;</svg>
      """
    ),
    ("attlist", "<!DOCTYPE svg [<!ATTLIST svg foo (x|y) \"x\">]><svg/>"),
    ("binary", "\u{0}\u{1}\u{FF}<\u{0}svg\u{7}"),
    ("empty", ""),
  ]
}()

/// An XSD, one that does not compile, and documents for `XMLSchemaValidator`: valid,
/// schema-invalid, not well-formed, and one with an entity declaration (refused).
let schemaSamples: (schema: [UInt8], broken: [UInt8], documents: [[UInt8]]) = {
  let schema = """
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="testsuite"><xs:complexType>
        <xs:sequence><xs:element name="testcase" minOccurs="0" maxOccurs="unbounded"/>
        </xs:sequence>
        <xs:attribute name="time" type="xs:decimal" use="required"/>
      </xs:complexType></xs:element>
    </xs:schema>
    """
  let broken = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:bogus/></xs:schema>"
  let documents = [
    "<testsuite time=\"1.5\"><testcase/></testsuite>",
    "<testsuite time=\"1e\"><other/></testsuite>",
    "<testsuite time=\"1\"><testcase>",
    "<!DOCTYPE testsuite [<!ENTITY x \"y\">]><testsuite time=\"&x;\"/>",
  ]
  return (Array(schema.utf8), Array(broken.utf8), documents.map { Array($0.utf8) })
}()

func leakMode(count: Int) {
  let validators = [
    SVGValidator(), SVGValidator(options: .init(strict: true, catalogFiles: [])),
  ]
  let samples = leakSamples.map { (name: $0.name, bytes: Array($0.text.utf8)) }
  var valid = 0
  var issues = 0
  var schemaProblems = 0
  for index in 0..<count {
    let sample = samples[index % samples.count]
    // Every 50th document goes through the validator without a DTD.
    let validator = validators[index % 50 == 49 ? 1 : 0]
    let report = validator.validate(sample.bytes, fileName: sample.name + ".svg")
    if report.isValid { valid += 1 }
    issues += report.issues.count
    // Every 10th also goes through XMLSchemaValidator; every 100th with a broken schema.
    if index % 10 == 0 {
      let documents = schemaSamples.documents
      let schema = index % 100 == 0 ? schemaSamples.broken : schemaSamples.schema
      schemaProblems +=
        XMLSchemaValidator.validate(
          xml: documents[(index / 10) % documents.count], schema: schema
        ).count
    }
  }
  print("documents=\(count) valid=\(valid) issues=\(issues) schema_problems=\(schemaProblems)")
}

let arguments = CommandLine.arguments
switch arguments.dropFirst().first {
case "time":
  guard arguments.count >= 3 else { fail("usage: bench-validate time FILE [N]") }
  let runs = arguments.count >= 4 ? Int(arguments[3]) ?? 0 : 10
  guard runs > 0 else { fail("N must be a positive number") }
  timeMode(path: arguments[2], runs: runs)
case "leak":
  guard arguments.count >= 3, let count = Int(arguments[2]), count > 0 else {
    fail("usage: bench-validate leak N")
  }
  leakMode(count: count)
default:
  fail("usage: bench-validate time FILE [N] | bench-validate leak N")
}
