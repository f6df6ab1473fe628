import AWXReportAPI
import AWXReportTestSupport
import Testing

@Suite struct SHA256Tests {
  @Test func sha256KnownVectors() {
    #expect(
      SHA256.hex(bytes("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(bytes("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
    let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// NIST's two-block messages (FIPS 180-4 examples, 56 and 112 bytes).
  @Test func sha256MultiBlockVectors() {
    #expect(
      SHA256.hex(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex(
        bytes(
          "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
            + "klmnopqrlmnopqrsmnopqrstnopqrstu"))
        == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
  }

  /// Lengths around the padding boundaries (55 fits one block, 56 needs two), checked
  /// against Python's hashlib on the bytes (i * 7 + 3) mod 256.
  @Test(arguments: [
    (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
    (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
    (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
    (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
    (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
    (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
    (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
    (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
    (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
  ])
  func sha256PaddingBoundaries(length: Int, expected: String) {
    let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    #expect(SHA256.hex(message) == expected)
  }

  /// Slices are hashed in place from their own start; collections that are not contiguous
  /// are copied first. Both give the same digest as an array of the same bytes.
  @Test func sha256SlicesAndNonContiguousCollections() {
    let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    #expect(
      SHA256.hex(message[1..<999])
        == "cfec68c2d522ef95842edb7920df77511cdc37e4ab3360b5ecd2245e40459ccb")
    #expect(
      SHA256.hex(repeatElement(UInt8(ascii: "a"), count: 1000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  /// The SHA-extension path and the portable one agree on every length around the block and
  /// padding boundaries and on a long message; on a CPU without the extensions both are the
  /// portable path (the vectors above then test it alone).
  @Test func hardwareAndPortablePathsAgree() {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    var message: [UInt8] = []
    for _ in 0..<5000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      message.append(UInt8(truncatingIfNeeded: seed >> 33))
    }
    for length in Array(0...200) + [1000, 4095, 4096, 4097, 5000] {
      let part = message[0..<length]
      #expect(
        SHA256.digest(part, usingHardware: true) == SHA256.digest(part, usingHardware: false),
        "length \(length)")
    }
  }
}
