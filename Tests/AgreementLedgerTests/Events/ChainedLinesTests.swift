import Testing
@testable import AgreementLedger

/// The append's chained lines, serialized in windows on two threads, must be exactly the lines the events
/// give one at a time.
@Suite struct ChainedLinesTests {
    /// Every event of the samples as one chain: each line computed the simple way, one after the other.
    func expected(_ events: [LedgerEvent]) -> (lines: [UInt8], hashes: [String]) {
        var prev = LedgerEvent.genesisHash
        var lines: [UInt8] = []
        var hashes: [String] = []
        for var event in events {
            event.prev = prev
            let (line, hash) = event.canonicalLineAndHash()
            lines += line + [0x0A]
            hashes.append(hash)
            prev = hash
        }
        return (lines, hashes)
    }

    @Test(arguments: [(1, 1), (3, 7), (64, 5), (2048, 32_768)])
    func windowsAndPiecesGiveTheSameLines(chunk: Int, window: Int) throws {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        var events = try store.readCommitted()
        events += StoreFixtures.batch("odd \"import\"\\\u{1}", events: 6)
        for i in events.indices { events[i].seq = i + 1 }
        let want = expected(events)

        var chain = ChainedLines(after: LedgerEvent.genesisHash)
        chain.chunkSize = chunk
        chain.windowSize = window
        var out: [UInt8] = []
        var indices: [Int] = []
        var prevs: [String] = []
        var hashes: [String] = []
        chain.chain(events, into: &out) { index, _, prev, hash in
            indices.append(index)
            prevs.append(String(decoding: prev, as: UTF8.self))
            hashes.append(String(decoding: hash, as: UTF8.self))
            return true
        }
        #expect(out == want.lines)
        #expect(indices == Array(events.indices))
        #expect(hashes == want.hashes)
        #expect(prevs == [LedgerEvent.genesisHash] + want.hashes.dropLast())
    }

    @Test func stopsWhenAskedAndTakesTheBytesItIsGiven() throws {
        let events = StoreFixtures.batch("imp-1", events: 40)
        var chain = ChainedLines(after: LedgerEvent.genesisHash)
        chain.chunkSize = 4
        chain.windowSize = 8
        var out: [UInt8] = []
        var taken: [UInt8] = []
        var seen = 0
        chain.chain(events, into: &out) { _, out, _, _ in
            seen += 1
            taken += out
            out.removeAll()
            return seen < 13
        }
        #expect(seen == 13)
        #expect(out.isEmpty)
        let want = expected(events).lines
        let thirteen = want.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(13)
        #expect(taken == Array(thirteen.joined(separator: [0x0A])) + [0x0A])
    }
}
