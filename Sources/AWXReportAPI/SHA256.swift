import CSHA256

/// SHA-256 (FIPS 180-4), for the snapshot's digest in reports and each stored body.
///
/// Whole blocks go through the CPU's SHA extensions when it has them (CSHA256, about ten times
/// faster), else through the portable Swift rounds below; the padding is always done here.
package enum SHA256 {
  /// Whether this CPU has the SHA extensions, so whole blocks are hashed by them.
  package static let hasHardwareSupport = awx_sha256_has_shani() == 1

  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  /// The digest of `data` as 64 lowercase hex digits.
  package static func hex<C: Collection>(_ data: C) -> String where C.Element == UInt8 {
    hexDigits(digest(data))
  }

  /// The 32-byte digest of `data`. Contiguous input (`[UInt8]`, `ArraySlice`, buffer pointers)
  /// is hashed in place, without a copy; anything else is copied into an array first.
  package static func digest<C: Collection>(_ data: C) -> [UInt8] where C.Element == UInt8 {
    digest(data, usingHardware: hasHardwareSupport)
  }

  /// ``digest(_:)`` with the hardware path chosen (tests check both give the same digests).
  package static func digest<C: Collection>(_ data: C, usingHardware: Bool) -> [UInt8]
  where C.Element == UInt8 {
    let hardware = usingHardware && hasHardwareSupport
    if let d = data.withContiguousStorageIfAvailable({
      digest(UnsafeRawBufferPointer($0), hardware: hardware)
    }) {
      return d
    }
    return Array(data).withUnsafeBytes { digest($0, hardware: hardware) }
  }

  /// The 32-byte digest of the bytes in `message`: every whole 64-byte block straight from the
  /// buffer, then the tail and the padding (a 0x80 byte, zeros, the bit length big-endian) in
  /// one or two blocks on the stack.
  private static func digest(_ message: UnsafeRawBufferPointer, hardware: Bool) -> [UInt8] {
    var h = State()
    let count = message.count
    let whole = count / 64 * 64
    k.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        if let base = message.baseAddress {
          if hardware {
            h.compressInHardware(base, blocks: whole / 64)
          } else {
            var offset = 0
            while offset < whole {
              h.compress(base + offset, w, k)
              offset &+= 64
            }
          }
        }
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
          tail.initializeMemory(as: UInt8.self, repeating: 0)
          let rest = count - whole
          if rest > 0, let base = message.baseAddress {
            tail.baseAddress!.copyMemory(from: base + whole, byteCount: rest)
          }
          tail[rest] = 0x80
          let blocks = rest < 56 ? 1 : 2
          let bitLength = UInt64(count) &* 8
          tail.storeBytes(of: bitLength.bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
          if hardware {
            h.compressInHardware(UnsafeRawPointer(tail.baseAddress!), blocks: blocks)
          } else {
            for b in 0..<blocks {
              h.compress(UnsafeRawPointer(tail.baseAddress! + b * 64), w, k)
            }
          }
        }
      }
    }
    var out = [UInt8](repeating: 0, count: 32)
    out.withUnsafeMutableBytes { o in
      for (i, v) in [h.a, h.b, h.c, h.d, h.e, h.f, h.g, h.h].enumerated() {
        o.storeBytes(of: v.bigEndian, toByteOffset: i * 4, as: UInt32.self)
      }
    }
    return out
  }

  /// The eight working words between blocks.
  private struct State {
    var a: UInt32 = 0x6a09_e667
    var b: UInt32 = 0xbb67_ae85
    var c: UInt32 = 0x3c6e_f372
    var d: UInt32 = 0xa54f_f53a
    var e: UInt32 = 0x510e_527f
    var f: UInt32 = 0x9b05_688c
    var g: UInt32 = 0x1f83_d9ab
    var h: UInt32 = 0x5be0_cd19

    /// Folds `blocks` 64-byte blocks at `data` into the state with the SHA extensions.
    mutating func compressInHardware(_ data: UnsafeRawPointer, blocks: Int) {
      guard blocks > 0 else { return }
      var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        a, b, c, d, e, f, g, h
      )
      withUnsafeMutableBytes(of: &words) { raw in
        awx_sha256_blocks_shani(
          raw.baseAddress!.assumingMemoryBound(to: UInt32.self),
          data.assumingMemoryBound(to: UInt8.self), blocks)
      }
      (a, b, c, d, e, f, g, h) = words
    }

    /// Folds the 64-byte block at `block` into the state; `w` is scratch for the schedule.
    @inline(__always)
    mutating func compress(
      _ block: UnsafeRawPointer, _ w: UnsafeMutableBufferPointer<UInt32>,
      _ k: UnsafeBufferPointer<UInt32>
    ) {
      let w = w.baseAddress!
      let k = k.baseAddress!
      for t in 0..<16 {
        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
      }
      for t in 16..<64 {
        let x = w[t &- 15]
        let y = w[t &- 2]
        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
        w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) = (
        self.a, self.b, self.c, self.d, self.e, self.f, self.g, self.h
      )
      // Eight rounds per pass, the roles of the variables rotating instead of their values.
      var t = 0
      while t < 64 {
        round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
        round(h, a, b, &c, d, e, f, &g, k[t &+ 1] &+ w[t &+ 1])
        round(g, h, a, &b, c, d, e, &f, k[t &+ 2] &+ w[t &+ 2])
        round(f, g, h, &a, b, c, d, &e, k[t &+ 3] &+ w[t &+ 3])
        round(e, f, g, &h, a, b, c, &d, k[t &+ 4] &+ w[t &+ 4])
        round(d, e, f, &g, h, a, b, &c, k[t &+ 5] &+ w[t &+ 5])
        round(c, d, e, &f, g, h, a, &b, k[t &+ 6] &+ w[t &+ 6])
        round(b, c, d, &e, f, g, h, &a, k[t &+ 7] &+ w[t &+ 7])
        t &+= 8
      }
      self.a &+= a
      self.b &+= b
      self.c &+= c
      self.d &+= d
      self.e &+= e
      self.f &+= f
      self.g &+= g
      self.h &+= h
    }

    /// One round: `d` gains T1, `h` becomes T1 + T2 (FIPS 180-4, 6.2.2 step 3).
    @inline(__always)
    private func round(
      _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32,
      _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
    ) {
      let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
      let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
      d &+= t1
      h = t1 &+ t2
    }
  }

  /// The digest of `data` as 64 lowercase hex digits.
  static func hexDigits(_ digest: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(64)
    for b in digest {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }

}

@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }
