import AWXReportValidate
import Foundation

/// A document in our convention. Lines 1–4 are the prologue and the `<svg>` start tag, so
/// line `k` of `body` is line `4 + k` of the document; `</svg>` follows the body.
func svgDocument(_ body: String, rootAttributes: String = #"viewBox="0 0 100 100""#) -> String {
  """
  <?xml version="1.0" encoding="UTF-8" standalone="no"?>
  <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
   "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
  <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
  \(rootAttributes)>
  \(body)
  </svg>

  """
}

extension ValidationReport {
  /// Findings of `rule` on `line`, optionally whose message contains `text`.
  func issues(
    _ rule: ValidationIssue.Rule, line: Int, containing text: String = ""
  ) -> [ValidationIssue] {
    issues.filter {
      $0.rule == rule && $0.line == line && (text.isEmpty || $0.message.contains(text))
    }
  }

  /// `true` when an error of `rule` sits on `line` (and mentions `text`).
  func hasError(_ rule: ValidationIssue.Rule, line: Int, containing text: String = "") -> Bool {
    issues(rule, line: line, containing: text).contains { $0.severity == .error }
  }

  /// All findings, one per line, for failure messages.
  var dump: String { textLines().joined(separator: "\n") }
}

/// The system validator (DTD through /etc/xml/catalog).
let validator = SVGValidator()
