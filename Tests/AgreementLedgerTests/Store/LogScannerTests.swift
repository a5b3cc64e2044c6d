import Foundation
import Testing
@testable import AgreementLedger

/// Readers that decode only the lines they need must return exactly what the full read gives.
@Suite struct LogScannerTests {
    @Test func partialReadsMatchTheFullRead() throws {
        let (store, dir) = try TestFixtures.samplesStore()
        defer { TestFixtures.remove(dir) }
        let all = try store.readCommitted()
        let imports = all.filter { $0.type == .imported }
        #expect(imports.count == 12)
        #expect(try store.readImports() == imports)
        #expect(try store.readImport(nil) == all.filter { $0.importID == imports.last!.importID })
        for id in ["1", "3", "7"] {
            let own = all.filter { $0.importID == id }
            #expect(!own.isEmpty)
            #expect(try store.readImport(id) == own)
        }
        #expect(try store.readImport("99").isEmpty)
        let someID = try #require(all.first { $0.type == .amended }?.agreement)
        for query in ["Mariboru", "univerzitet", "Medimursko", "zagreb", "Łódź", someID, "no such partner", ""] {
            let full = HistoryQuery(query: query).run(all)
            let scanned = try HistoryQuery(query: query).run(store: store)
            #expect(scanned.agreements == full.agreements, "\(query)")
            #expect(scanned.events == full.events, "\(query)")
        }
        #expect(try HistoryQuery(query: "Medimursko").run(store: store).agreements.count == 1,
                "a partner found by a name it had before a spelling fix")
    }

    @Test func anUnfinishedBatchIsNeverReturned() throws {
        try StoreFixtures.withStore { store throws in
            _ = try store.transaction { _ in StoreFixtures.batch("imp-1", events: 2) }
            let committed = try store.readCommitted()
            // A torn batch: its lines without the closing `imported` one.
            var tail: [UInt8] = []
            for var e in StoreFixtures.batch("imp-2", events: 2).dropLast() {
                e.seq = committed.count + 1
                e.appendCanonicalLine(to: &tail)
                tail.append(0x0A)
            }
            StoreFixtures.write(StoreFixtures.bytes(store.logPath) + tail, to: store.logPath)
            #expect(try store.readImports() == committed.filter { $0.type == .imported })
            #expect(try store.readImport(nil) == committed)
            #expect(try store.readImport("imp-2").isEmpty)
            #expect(try store.readCommitted(keepingLines: { _ in true }) == committed)
        }
    }

    @Test func aMemberIsFoundOnlyAsAKey() {
        let line = Array(#"{"agreement":"a1","partner":"Uni \"agreement\":\"x\" \\ Ł","prev":"p"}"#.utf8)
        line.withUnsafeBufferPointer { bytes in
            let agreement = LogScanner.stringMember(bytes, "agreement").map { String(decoding: $0, as: UTF8.self) }
            #expect(agreement == "a1")
            let partner = LogScanner.stringMember(bytes, "partner").flatMap(LogScanner.stringValue)
            #expect(partner == #"Uni "agreement":"x" \ Ł"#)
            #expect(LogScanner.stringMember(bytes, "x") == nil)
            #expect(LogScanner.stringMember(bytes, "seq") == nil)
        }
        #expect(Array("abcabd".utf8).withUnsafeBufferPointer { LogScanner.contains($0, Array("abd".utf8)) })
        #expect(!Array("abcab".utf8).withUnsafeBufferPointer { LogScanner.contains($0, Array("abd".utf8)) })
    }
}
