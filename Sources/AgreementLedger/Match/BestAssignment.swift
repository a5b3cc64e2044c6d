/// The one-to-one assignment of rows to columns with the greatest total score (Hungarian method),
/// so a typo-corrected name goes to the agreement it resembles most overall, not the first that fits.
enum BestAssignment {
    /// Pairs (row, column) maximizing the sum of `scores`; zero scores mean "not allowed".
    /// Above `exactLimit` rows or columns, a greedy best-first pass keeps the cost bounded.
    static func maximize(_ scores: [[Double]], exactLimit: Int = 300) -> [(Int, Int)] {
        let rows = scores.count
        guard rows > 0, let cols = scores.first?.count, cols > 0 else { return [] }
        // Only rows and columns with some allowed pair take part.
        let liveRows = (0..<rows).filter { r in scores[r].contains { $0 > 0 } }
        let liveCols = (0..<cols).filter { c in liveRows.contains { scores[$0][c] > 0 } }
        guard !liveRows.isEmpty, !liveCols.isEmpty else { return [] }
        if liveRows.count > exactLimit || liveCols.count > exactLimit {
            return greedy(scores, rows: liveRows, cols: liveCols)
        }
        let n = max(liveRows.count, liveCols.count)
        // Minimize cost = 1 - score on an n x n matrix (padding costs 1: no gain).
        var cost = [[Double]](repeating: [Double](repeating: 1, count: n + 1), count: n + 1)
        for (i, r) in liveRows.enumerated() {
            for (j, c) in liveCols.enumerated() where scores[r][c] > 0 { cost[i + 1][j + 1] = 1 - scores[r][c] }
        }
        // Jonker-Volgenant style potentials (1-based), O(n^3).
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: n + 1)
        var p = [Int](repeating: 0, count: n + 1), way = [Int](repeating: 0, count: n + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            var minv = [Double](repeating: .infinity, count: n + 1)
            var used = [Bool](repeating: false, count: n + 1)
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = Double.infinity, j1 = 0
                for j in 1...n where !used[j] {
                    let cur = cost[i0][j] - u[i0] - v[j]
                    if cur < minv[j] { minv[j] = cur; way[j] = j0 }
                    if minv[j] < delta { delta = minv[j]; j1 = j }
                }
                for j in 0...n {
                    if used[j] { u[p[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var result: [(Int, Int)] = []
        for j in 1...n where p[j] != 0 && p[j] <= liveRows.count && j <= liveCols.count {
            let r = liveRows[p[j] - 1], c = liveCols[j - 1]
            if scores[r][c] > 0 { result.append((r, c)) }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    static func greedy(_ scores: [[Double]], rows: [Int], cols: [Int]) -> [(Int, Int)] {
        var candidates: [(Double, Int, Int)] = []
        for r in rows { for c in cols where scores[r][c] > 0 { candidates.append((scores[r][c], r, c)) } }
        candidates.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        var usedRows = Set<Int>(), usedCols = Set<Int>()
        var result: [(Int, Int)] = []
        for (_, r, c) in candidates where !usedRows.contains(r) && !usedCols.contains(c) {
            usedRows.insert(r)
            usedCols.insert(c)
            result.append((r, c))
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
