import AWXReportFetch
import ArgumentParser
import FoundationEssentials

/// The flags of a watch (`watch`, and `relaunch`/`launch` with `--watch`): how often to poll,
/// how long to wait, and what to do when time runs out.
struct WatchFlags: ParsableArguments {
  @Option(help: "Seconds between polls while the run changes (backs off to 30 while it does not).")
  var interval: Double = 5

  @Option(
    help: ArgumentHelp(
      "Stop watching after DURATION (e.g. 90m, 30s, 1h30m): write the report as it stands and "
        + "exit 4.", valueName: "duration"))
  var timeout: Duration?

  @Flag(help: "When --timeout is reached, cancel the job and wait until AWX reports it canceled.")
  var cancelOnTimeout = false

  @Option(help: "Levels of nested workflows to follow and fetch (0: none).")
  var depth: Int = AWXFetcher.defaultDepth

  /// The longest wait between polls (30 s; tests shorten it).
  @Option(help: .hidden)
  var maxInterval: Double = PollSchedule.defaultMaximum

  /// Seconds the changed-nodes filter reaches back before the previous poll (default: twice
  /// the interval, at least 2 s); tests that compress a run into seconds shorten it.
  @Option(help: .hidden)
  var overlap: Double?

  /// Appends one JSON line per poll to FILE: `{"requests":2,"changes":0,"full":false}` (tests).
  @Option(help: .hidden)
  var pollLog: String?

  func validate() throws {
    guard interval > 0, interval.isFinite else {
      throw ValidationError("--interval must be a positive number of seconds")
    }
    guard maxInterval > 0 else { throw ValidationError("--max-interval must be positive") }
    guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
    if cancelOnTimeout && timeout == nil {
      throw ValidationError("--cancel-on-timeout needs --timeout")
    }
  }

  /// A length of time given as `90m`, `30s`, `1h30m`, `2h`, `1.5m` or plain seconds (`45`).
  struct Duration: ExpressibleByArgument, Equatable {
    /// The length in seconds.
    var seconds: Double

    init(seconds: Double) { self.seconds = seconds }

    init?(argument: String) {
      guard let seconds = Self.parse(argument) else { return nil }
      self.seconds = seconds
    }

    /// Seconds for `text`, or nil when it is not a positive duration.
    static func parse(_ text: String) -> Double? {
      let text = text.trimmingBlanks().lowercased()
      if let plain = Double(text) { return plain > 0 && plain.isFinite ? plain : nil }
      var total = 0.0
      var number = ""
      var sawUnit = false
      for c in text {
        if c.isNumber || c == "." {
          number.append(c)
          continue
        }
        let unit: Double
        switch c {
        case "h": unit = 3600
        case "m": unit = 60
        case "s": unit = 1
        case "d": unit = 86400
        default: return nil
        }
        guard let value = Double(number) else { return nil }
        total += value * unit
        number = ""
        sawUnit = true
      }
      guard number.isEmpty, sawUnit, total > 0, total.isFinite else { return nil }
      return total
    }
  }
}
