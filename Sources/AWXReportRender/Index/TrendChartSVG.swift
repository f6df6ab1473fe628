import AWXReportModel

/// A template's runs as a standalone SVG 1.1 document: duration (y) over start time (x), one
/// mark per run coloured by status, with a shape per status (circle successful, square failed,
/// diamond error, triangle canceled, ring otherwise) so it reads in grey print too. Each mark
/// has a `<title>` (id, status, duration). Valid against the SVG 1.1 DTD; ids are prefixed with
/// `idPrefix` so several charts can be inlined into one page.
package enum TrendChartSVG {
  static let width = 640.0
  static let height = 220.0
  static let left = 64.0
  static let right = 16.0
  static let top = 30.0
  static let bottom = 34.0

  /// The ids of the root element and its `<title>` and `<desc>`.
  package static func ids(_ prefix: String) -> (root: String, title: String, desc: String) {
    (prefix, prefix + "-title", prefix + "-desc")
  }

  /// The chart of `runs` (any order), or nil when no run has both a start and a duration.
  package static func render(_ runs: [ArchiveEntry], title: String, idPrefix: String) -> String? {
    let points = runs.compactMap { e -> (ArchiveEntry, Timestamp, Double)? in
      guard let s = e.started, let d = e.elapsed, d.isFinite, d >= 0 else { return nil }
      return (e, s, d)
    }.sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
    guard let first = points.first, let last = points.last else { return nil }
    let f = HTMLText.fixed
    let ids = ids(idPrefix)
    let t0 = first.1
    let span = max(t0.seconds(until: last.1), 0)
    let step = tickStep(points.map(\.2).max() ?? 1)
    let maxY = step * 4
    let plotW = width - left - right
    let plotH = height - top - bottom
    func x(_ t: Timestamp) -> Double {
      span == 0 ? left + plotW / 2 : left + plotW * t0.seconds(until: t) / span
    }
    func y(_ d: Double) -> Double { top + plotH - plotH * d / maxY }

    let statuses = Set(points.map(\.0.status))
    let description =
      "Duration of \(points.count) run\(points.count == 1 ? "" : "s") from "
      + "\(String(t0.iso8601.prefix(10))) to \(String(last.1.iso8601.prefix(10))), "
      + "longest \(ElapsedFormat.short(points.map(\.2).max() ?? 0))."
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="no"?>
      <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
      <svg xmlns="http://www.w3.org/2000/svg" version="1.1" id="\(XMLEscaping.attribute(ids.root))" \
      class="trend" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))">
      <title id="\(XMLEscaping.attribute(ids.title))">\(HTMLText.xmlText(HTMLText.line(title)))</title>
      <desc id="\(XMLEscaping.attribute(ids.desc))">\(HTMLText.xmlText(description))</desc>
      <rect x="0.0" y="0.0" width="\(f(width))" height="\(f(height))" fill="#ffffff"/>

      """
    // Grid and y labels: five lines, a round duration apart.
    for k in 0...4 {
      let value = step * Double(k)
      let yy = y(value)
      out +=
        "<line x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(width - right))\" y2=\"\(f(yy))\" "
        + "stroke=\"\(k == 0 ? "#59636e" : "#d1d9e0")\" stroke-width=\"1\"/>\n"
      out +=
        "<text x=\"\(f(left - 6))\" y=\"\(f(yy + 4))\" text-anchor=\"end\" font-size=\"11\" "
        + "font-family=\"sans-serif\" fill=\"#59636e\">\(k == 0 ? "0" : ElapsedFormat.short(value))</text>\n"
    }
    out +=
      "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" "
      + "stroke=\"#59636e\" stroke-width=\"1\"/>\n"
    // x labels: first and last day (UTC).
    let baseline = top + plotH + 18
    out +=
      "<text x=\"\(f(left))\" y=\"\(f(baseline))\" text-anchor=\"start\" font-size=\"11\" "
      + "font-family=\"sans-serif\" fill=\"#59636e\">\(t0.iso8601.prefix(10))</text>\n"
    if span > 0 {
      out +=
        "<text x=\"\(f(width - right))\" y=\"\(f(baseline))\" text-anchor=\"end\" font-size=\"11\" "
        + "font-family=\"sans-serif\" fill=\"#59636e\">\(last.1.iso8601.prefix(10))</text>\n"
    }
    out +=
      "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(baseline))\" text-anchor=\"middle\" "
      + "font-size=\"11\" font-family=\"sans-serif\" fill=\"#59636e\">started (UTC)</text>\n"
    // Legend: the statuses present, in a fixed order.
    var lx = left
    let known = ["successful", "failed", "error", "canceled"]
    for status in known.filter(statuses.contains) + statuses.subtracting(known).sorted()
    where lx < width - 90 {
      out += mark(status, x: lx + 5, y: 14, title: nil)
      out +=
        "<text x=\"\(f(lx + 14))\" y=\"\(f(18))\" font-size=\"11\" font-family=\"sans-serif\" "
        + "fill=\"#1f2328\">\(XMLEscaping.text(HTMLText.line(status)))</text>\n"
      lx += 24 + Double(min(status.count, 20)) * 6.5
    }
    // Marks.
    for (e, s, d) in points {
      let label = "#\(e.id) \(e.status) \(ElapsedFormat.clock(d)) started \(s.display)"
      out += mark(e.status, x: x(s), y: y(d), title: label)
    }
    out += "</svg>\n"
    return out
  }

  /// The mark of one run: a shape per status, in the status's colours.
  static func mark(_ status: String, x: Double, y: Double, title: String?) -> String {
    let f = HTMLText.fixed
    let colors = Palette.colors(Palette.state(of: JobStatus(status)))
    let paint = "fill=\"\(colors.fill)\" stroke=\"\(colors.stroke)\" stroke-width=\"1.5\""
    let inner = title.map { "<title>\(XMLEscaping.text(HTMLText.line($0)))</title>" } ?? ""
    let r = 4.0
    switch status {
    case "successful":
      return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" \(paint)>\(inner)</circle>\n"
    case "failed":
      return
        "<rect x=\"\(f(x - r))\" y=\"\(f(y - r))\" width=\"\(f(2 * r))\" height=\"\(f(2 * r))\" \(paint)>\(inner)</rect>\n"
    case "error":
      let p =
        "\(f(x)),\(f(y - r - 1)) \(f(x + r + 1)),\(f(y)) \(f(x)),\(f(y + r + 1)) \(f(x - r - 1)),\(f(y))"
      return "<polygon points=\"\(p)\" \(paint)>\(inner)</polygon>\n"
    case "canceled":
      let p = "\(f(x)),\(f(y - r - 1)) \(f(x + r + 1)),\(f(y + r)) \(f(x - r - 1)),\(f(y + r))"
      return "<polygon points=\"\(p)\" \(paint)>\(inner)</polygon>\n"
    default:
      return
        "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" fill=\"none\" stroke=\"\(colors.stroke)\" stroke-width=\"1.5\">\(inner)</circle>\n"
    }
  }

  /// The y axis' step: a round duration (1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2,
  /// 3, 6, 12 h, 1 day, then doubling) such that four steps reach `longest`.
  static func tickStep(_ longest: Double) -> Double {
    let steps: [Double] = [
      1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
    ]
    let value = longest.isFinite ? max(longest, 0) : 0
    if let step = steps.first(where: { $0 * 4 >= value }) { return step }
    var step = 86400.0
    while step * 4 < value && step < 1e12 { step *= 2 }
    return step
  }
}
