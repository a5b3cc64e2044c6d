import Testing
@testable import AgreementLedger

/// The radix sort orders entries exactly as the comparison it replaced: by signed hash, then index.
@Suite struct HashOrderTests {
    private static func expected(_ hashes: [Int]) -> [HashOrder.Entry] {
        hashes.enumerated().map { HashOrder.Entry(hash: $0.element, index: Int32($0.offset)) }.sorted(by: HashOrder.precedes)
    }

    private static func same(_ a: [HashOrder.Entry], _ b: [HashOrder.Entry]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.hash == $1.hash && $0.index == $1.index }
    }

    @Test func radixSortMatchesTheComparison() {
        var random = SplitMix(state: 42)
        let extremes = [Int.min, Int.max, 0, -1, 1, Int.min + 1, Int.max - 1]
        for count in [256, 257, 1_000, 5_000, 40_000] {
            // Full-width hashes, many repeats, negative and extreme values.
            let wide = (0..<count).map { n in n % 11 == 0 ? extremes[n % extremes.count] : Int(bitPattern: UInt(random.next())) }
            let repeated = (0..<count).map { _ in Int(bitPattern: UInt(random.next() % 37)) - 18 }
            // Hashes differing only in one high byte (the passes over the shared bytes are skipped).
            let highByte = (0..<count).map { _ in Int(bitPattern: UInt(random.next() & 0xFF) << 48) }
            for hashes in [wide, repeated, highByte] {
                #expect(HashOrderTests.same(HashOrder(hashes: hashes).entries, HashOrderTests.expected(hashes)), "\(count)")
            }
        }
        let constant = [Int](repeating: -7, count: 1_000)
        #expect(HashOrder(hashes: constant).entries.map(\.index) == (0..<1_000).map(Int32.init))
    }

    @Test func runsOfEqualHashes() {
        let order = HashOrder(hashes: (0..<600).map { $0 % 3 == 0 ? 5 : -$0 })
        let start = order.entries.firstIndex { $0.hash == 5 }!
        #expect(order.runEnd(from: start) - start == 200)
        #expect(order.entries[start..<order.runEnd(from: start)].map(\.index) == stride(from: 0, to: 600, by: 3).map(Int32.init))
    }
}
