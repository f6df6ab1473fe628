/// Shortens edges after Brandes–Köpf: sweeps the ranks moving each node towards the median
/// x of its neighbours, never closer to its rank neighbours than their separation. Every
/// move keeps the layout valid, and one moving node never jumps over another.
struct CoordinateRefiner {
  let graph: LayeredGraph
  let layers: [[Int]]
  let separation: (Int, Int) -> Double
  var sweeps = 4

  func refine(_ x: inout [Double]) {
    var buffer: [Double] = []
    for sweep in 0..<sweeps {
      let ranks = sweep % 2 == 0
        ? Array(0..<layers.count) : Array((0..<layers.count).reversed())
      for r in ranks {
        let layer = layers[r]
        let forward = (sweep / 2) % 2 == 0
        let indices = forward ? Array(layer.indices) : Array(layer.indices.reversed())
        for i in indices {
          let v = layer[i]
          buffer.removeAll(keepingCapacity: true)
          for w in graph.up[v] { buffer.append(x[w]) }
          for w in graph.down[v] { buffer.append(x[w]) }
          if buffer.isEmpty { continue }
          buffer.sort()
          let m = buffer.count / 2
          var target = buffer.count % 2 == 1 ? buffer[m] : (buffer[m - 1] + buffer[m]) / 2
          if i > 0 { target = max(target, x[layer[i - 1]] + separation(layer[i - 1], v)) }
          if i + 1 < layer.count {
            target = min(target, x[layer[i + 1]] - separation(v, layer[i + 1]))
          }
          // Rounding can make the window empty by a hair; then stay put.
          if i > 0 && target < x[layer[i - 1]] + separation(layer[i - 1], v) - 1e-9 { continue }
          x[v] = target
        }
      }
    }
  }
}
