import AWXReportAPI
import Testing

@testable import AWXReportFetch

/// Small pure pieces: backoff, origins and links, base64, error wording.
@Suite struct UnitTests {
  @Test func backoffGrowsAndIsCapped() {
    let p = RetryPolicy()
    #expect(p.delay(attempt: 1, retryAfter: nil, random: 0) == 0.25)
    #expect(p.delay(attempt: 1, retryAfter: nil, random: 1) == 0.5)
    #expect(p.delay(attempt: 3, retryAfter: nil, random: 1) == 2)
    #expect(p.delay(attempt: 10, retryAfter: nil, random: 1) == 8)
    #expect(p.delay(attempt: 1, retryAfter: "1", random: 0.9) == 1)
    #expect(p.delay(attempt: 1, retryAfter: "600", random: 0) == 30)
    // An HTTP-date is not honoured: fall back to the backoff.
    #expect(p.delay(attempt: 1, retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT", random: 0) == 0.25)
  }

  @Test func originsCompareSchemeHostAndPort() throws {
    let a = try #require(Origin.split("https://AWX.example.com:443/api/v2/?x=1"))
    #expect(a.origin.description == "https://awx.example.com")
    #expect(a.rest == "/api/v2/?x=1")
    #expect(Origin.split("http://awx.example.com/")?.origin != a.origin)
    #expect(Origin.split("https://awx.example.com:8443/")?.origin != a.origin)
    #expect(Origin.split("https://user:pw@awx.example.com/") == nil)
    #expect(Origin.split("ftp://awx.example.com/") == nil)
    #expect(stripCredentials("https://user:pw@evil.example/x") == "https://evil.example/x")
  }

  @Test func pagedLinks() {
    #expect(WorkflowWalk.paged("/api/v2/x/").target == "/api/v2/x/?page_size=200")
    #expect(WorkflowWalk.paged("/api/v2/x/?a=1").target == "/api/v2/x/?a=1&page_size=200")
    #expect(WorkflowWalk.paged("/api/v2/x/?page_size=50").target == "/api/v2/x/?page_size=50")
    #expect(
      WorkflowWalk.byID("/api/v2/unified_jobs/", [1, 2, 3]).target
        == "/api/v2/unified_jobs/?id__in=1,2,3&page_size=200")
    #expect(WorkflowWalk.chunks(Array(1...401)).map(\.count) == [200, 200, 1])
  }

  @Test func basicAuthUsesThePackagesBase64() {
    #expect(
      Credentials.basic(username: "user", password: "pass").authorizationValue
        == "Basic dXNlcjpwYXNz")
    #expect(Base64.encode(Array("a".utf8)) == "YQ==")
    #expect(Base64.encode(Array("ab".utf8)) == "YWI=")
    #expect(Base64.encode([]) == "")
  }

  @Test func errorDescriptionsAreOneLine() {
    let errors: [FetchError] = [
      .missingHost, .missingCredentials, .conflictingCredentials, .missingPassword,
      .missingUsername, .http(status: 502, detail: nil, url: "/api/v2/x/"),
      .apiRootNotFound(tried: ["/api/", "/api/v2/"]), .tooManyRedirects(url: "/a/"),
      .connection(url: "/a/", reason: "Connection refused"),
    ]
    for e in errors {
      #expect(!e.description.isEmpty && !e.description.contains("\n"))
    }
    #expect(
      FetchError.http(status: 502, detail: nil, url: "/api/v2/x/").description
        == "HTTP 502 Bad Gateway for GET /api/v2/x/")
  }

  @Test func errorDetailIsFlattened() {
    let body = Array(#"{"detail": "line one\nline   two"}"#.utf8)
    #expect(AWXClient.detail(of: body) == "line one line two")
    #expect(AWXClient.detail(of: Array("<html>oops</html>".utf8)) == nil)
  }
}
