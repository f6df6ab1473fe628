/// SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", 2014):
/// a tiny seeded generator, so that anything drawn from it is the same on every run and every
/// platform. The layout's restarts shuffle ranks with it (`CrossingReducer`), and the tests
/// build their random graphs and damaged documents with it.
package struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  /// A generator whose first output is the mix of `seed` + the golden-ratio increment.
  package init(seed: UInt64) { state = seed }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
