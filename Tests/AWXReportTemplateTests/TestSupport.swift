import AWXReportTemplate

/// Parses and renders `source` on its own (no partials).
func render(_ source: String, _ value: TemplateValue = [:]) throws -> String {
  try Template(source: source, name: "test.mustache").render(value)
}

/// Parses `source` and returns the error it throws, if any.
func parseError(_ source: String, name: String = "report.html.mustache") -> TemplateError? {
  do {
    _ = try Template(source: source, name: name)
    return nil
  } catch {
    return error
  }
}
