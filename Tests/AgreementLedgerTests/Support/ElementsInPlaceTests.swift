import Testing
@testable import AgreementLedger

/// Elements read in place and moved between arrays: the same elements, no copy left behind.
@Suite struct ElementsInPlaceTests {
    private final class Box {
        let n: Int
        init(_ n: Int) { self.n = n }
    }

    @Test func readsEveryElementInPlace() {
        let items = (0..<100).map { Box($0) }
        var seen: [Int] = []
        items.forEachInPlace(in: 10..<20) { i, p in seen.append(i * 1000 + p.pointee.n) }
        #expect(seen == (10..<20).map { $0 * 1000 + $0 })
        #expect(items.firstIndexInPlace { $0.pointee.n > 41 } == 42)
        #expect(items.firstIndexInPlace(in: 50..<60) { $0.pointee.n < 5 } == nil)
    }

    @Test func appendMovingLeavesTheFillerAndNoSecondReference() {
        var target = [Box(-1)]
        var source = (0..<50).map { Box($0) }
        let filler = Box(99)
        target.appendMoving(from: &source, leaving: filler)
        #expect(target.map(\.n) == [-1] + Array(0..<50))
        #expect(source.count == 50 && source.allSatisfy { $0 === filler })
        // Each moved element is held by the target alone.
        for i in 1...50 { #expect(isKnownUniquelyReferenced(&target[i])) }
    }
}
