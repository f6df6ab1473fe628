import AWXReportModel
import Testing

@Suite struct TimestampTests {
  @Test(arguments: [
    ("2024-03-05T20:46:14.078236Z", "2024-03-05T20:46:14.078236Z"),
    ("2024-03-05T20:46:14Z", "2024-03-05T20:46:14Z"),
    ("2024-03-05T20:46:14.5Z", "2024-03-05T20:46:14.500000Z"),
    ("2024-03-05T22:46:14+02:00", "2024-03-05T20:46:14Z"),
    ("2024-02-29T00:00:00.000001Z", "2024-02-29T00:00:00.000001Z"),
    ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
  ])
  func parsesBothAWXForms(input: String, expected: String) throws {
    let t = try #require(Timestamp(iso8601: input))
    #expect(t.iso8601 == expected)
  }

  @Test(arguments: [
    "", "2024-03-05", "2024-13-05T20:46:14Z", "2023-02-29T00:00:00Z",
    "2024-03-05T20:46:14", "2024-03-05T20:46:14.Z", "2024-03-05T20:46:14Zjunk", "not a time",
  ])
  func rejectsMalformed(input: String) {
    #expect(Timestamp(iso8601: input) == nil)
  }

  @Test func secondsBetween() throws {
    let a = try #require(Timestamp(iso8601: "2024-03-05T20:46:14.078236Z"))
    let b = try #require(Timestamp(iso8601: "2024-03-05T20:47:15Z"))
    #expect(abs(a.seconds(until: b) - 60.921764) < 1e-9)
    #expect(a < b)
    #expect(a.display == "2024-03-05 20:46:14 UTC")
  }

}
