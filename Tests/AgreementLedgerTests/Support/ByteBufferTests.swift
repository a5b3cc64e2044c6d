import Testing
@testable import AgreementLedger

/// `ByteBuffer`, the sink `status --json` writes into, against an array given the same appends.
@Suite struct ByteBufferTests {
    /// The same mixed appends (bytes, runs, pointer writes of every length up to `maxCount`) to both sinks.
    func appendAll<Out: ByteSink>(to out: inout Out, seed: UInt64) {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for step in 0..<2_000 {
            switch next(5) {
            case 0: out.append(UInt8(truncatingIfNeeded: step))
            case 1:
                let run = (0..<next(300)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ step) }
                run.withUnsafeBufferPointer { out.append(contentsOf: $0) }
            case 2:
                // A pointer write of fewer bytes than it asked room for.
                let room = next(200), used = room == 0 ? 0 : next(room + 1)
                out.appendWriting(atMost: room) { p in
                    for k in 0..<used { p[k] = UInt8(truncatingIfNeeded: k &+ step) }
                    return used
                }
            case 3: out.appendDecimal(next(1 << 30) - (1 << 29))
            default: out.appendLineBreak(indent: next(80))
            }
        }
    }

    @Test func holdsWhatAnArrayHoldsAcrossEveryGrowth() {
        for (seed, capacity) in [(1, 1), (2, 16), (3, 100), (4, 1 << 16)] as [(UInt64, Int)] {
            var array: [UInt8] = []
            appendAll(to: &array, seed: seed)
            var buffer = ByteBuffer(capacity: capacity)
            appendAll(to: &buffer, seed: seed)
            #expect(buffer.count == array.count)
            #expect(buffer.withBytes { Array($0) } == array, "seed \(seed), capacity \(capacity)")
            #expect(array.count > 1 << 16, "the appends outgrow every starting capacity")
        }
    }

    @Test func emptiedBufferIsReusedFromItsStart() {
        var buffer = ByteBuffer(capacity: 4)
        buffer.appendStatic("first piece, longer than four bytes")
        buffer.removeAll()
        #expect(buffer.count == 0)
        buffer.appendStatic("second")
        #expect(buffer.withBytes { String(decoding: $0, as: UTF8.self) } == "second")
    }
}
