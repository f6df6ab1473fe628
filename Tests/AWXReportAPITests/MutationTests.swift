import AWXReportAPI
import AWXReportJSON
import AWXReportLayout
import AWXReportModel
import AWXReportTestSupport
import Testing

/// Seeded random damage to real AWX bodies: decoding and analysis must either succeed or throw
/// an `APIError`/`ModelError`, never crash or hang.
@Suite struct MutationTests {
  static let tokens: [[UInt8]] = [
    "null", "true", "\"x\"", "-1", "1.5e9", "[]", "{}", "[1,2]", "\"\\u202e\"",
    "9999999999999999999999",
  ].map { Array($0.utf8) }

  func mutate(_ body: [UInt8], rng: inout SplitMix64) -> [UInt8] {
    var b = body
    for _ in 0..<(1 + rng.below(4)) {
      guard !b.isEmpty else { break }
      let at = rng.below(b.count)
      switch rng.below(5) {
      case 0: b[at] = UInt8(truncatingIfNeeded: rng.next())
      case 1: b.remove(at: at)
      case 2: b.insert(contentsOf: Self.tokens[rng.below(Self.tokens.count)], at: at)
      case 3: b = Array(b[..<at])
      default:
        // Replace the value after a random ':' with another token.
        if let colon = b[at...].firstIndex(of: UInt8(ascii: ":")) {
          let end =
            b[(colon + 1)...].firstIndex(where: {
              $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}")
            }) ?? b.count
          b.replaceSubrange((colon + 1)..<end, with: Self.tokens[rng.below(Self.tokens.count)])
        }
      }
    }
    return b
  }

  @Test func damagedBodiesNeverCrash() throws {
    let nodes = try fixture("workflow_nodes_page.json")
    let detail = try fixture("workflow_job_detail.json")
    let jobs = try fixture("unified_jobs_page.json")
    var rng = SplitMix64(seed: 20_261_129)
    var decoded = 0
    var rejected = 0
    for _ in 0..<1_500 {
      let which = rng.below(3)
      let s = snapshot(
        812,
        [
          (.workflowJob, which == 0 ? mutate(detail, rng: &rng) : detail),
          (.workflowNodes, which == 1 ? mutate(nodes, rng: &rng) : nodes),
          (.unifiedJobs, which == 2 ? mutate(jobs, rng: &rng) : jobs),
        ])
      do {
        let run = try RunDecoder.decode(s, fileName: "fuzz.json")
        _ = try? RunAnalysis(run)
        decoded += 1
      } catch {
        #expect(!error.description.isEmpty)
        #expect(!error.description.contains("\n"))
        rejected += 1
      }
    }
    // Both paths were exercised.
    #expect(decoded > 50 && rejected > 50, "decoded \(decoded), rejected \(rejected)")
  }

  @Test func damagedSnapshotFilesNeverCrash() throws {
    let good = snapshot(812, [(.workflowJob, try fixture("workflow_job_detail.json"))]).encoded()
    var rng = SplitMix64(seed: 7)
    for _ in 0..<500 {
      let bytes = mutate(good, rng: &rng)
      do {
        _ = try Snapshot.decode(bytes, source: "s.json")
      } catch {
        #expect(error.description.hasPrefix("s.json"))
      }
    }
  }
}

extension SplitMix64 {
  /// A number in `0..<n` (0 when n ≤ 1), by plain modulo as the mutations were seeded with.
  fileprivate mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
