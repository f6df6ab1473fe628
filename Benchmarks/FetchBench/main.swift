// bench-fetch: fetches one workflow job through AWXFetcher over libcurl and prints the number of
// requests, nodes and the wall time. Run by Benchmarks/bench-fetch.sh against the loopback fake
// AWX server; never part of `make test`.
//
// Usage: CONTROLLER_HOST=http://127.0.0.1:PORT CONTROLLER_TOKEN=… bench-fetch [--id N]
//        [--depth N] [--runs N]
import AWXReportFetch
import AWXReportModel
import Foundation

var id = 7
var depth = 5
var runs = 3
var args = CommandLine.arguments.dropFirst()
while let flag = args.popFirst() {
  guard let value = args.popFirst().flatMap(Int.init) else {
    FileHandle.standardError.write(Data("bench-fetch: \(flag) needs a number\n".utf8))
    exit(64)
  }
  switch flag {
  case "--id": id = value
  case "--depth": depth = value
  case "--runs": runs = value
  default:
    FileHandle.standardError.write(Data("bench-fetch: unknown option \(flag)\n".utf8))
    exit(64)
  }
}

do {
  let settings = try ConnectionSettings.resolve(
    options: ConnectionOptions(), environment: ProcessInfo.processInfo.environment,
    readSecret: SecretFile.read)
  var best = Double.infinity
  for run in 1...max(runs, 1) {
    var last = FetchProgress()
    let fetcher = try AWXFetcher(settings: settings, userAgent: "bench-fetch") { event in
      if case .progress(let p) = event { last = p }
    }
    let clock = ContinuousClock()
    let start = clock.now
    let snapshot = try fetcher.fetch(
      workflowJobID: id, depth: depth, now: Timestamp(seconds: 0), tool: "bench-fetch")
    let elapsed = clock.now - start
    let seconds =
      Double(elapsed.components.seconds)
      + Double(elapsed.components.attoseconds) / 1e18
    best = min(best, seconds)
    let bytes = snapshot.responses.reduce(0) { $0 + $1.body.count }
    print(
      "run \(run): requests \(last.requests), nodes \(last.nodes), responses "
        + "\(snapshot.responses.count), body bytes \(bytes), wall "
        + String(format: "%.3f s", seconds))
  }
  print(String(format: "best wall time: %.3f s", best))
} catch {
  FileHandle.standardError.write(Data("bench-fetch: \(error)\n".utf8))
  exit(1)
}
