import Foundation
@testable import AgreementLedger

/// Events, batches and throwaway store directories for the store tests.
enum StoreFixtures {
    static let day = PartialDate("2024-03-15")!

    static func signed(partner: String, n: Int, importID: String = "imp-1") -> LedgerEvent {
        let record = AgreementRecord(
            partner: partner, country: "Česko", countryCode: "CZ", city: "Brno \"centre\"",
            signed: PartialDate("2021-05"), validUntil: PartialDate("2026"), term: "P5Y", status: .active,
            kind: "Erasmus+", reference: "REF/\(n)", url: "https://example.org/\(n)", row: n + 1,
            extra: ["Notes": "line1\nline2 \\ tab\t😀"])
        return LedgerEvent(type: .signed, importID: importID, source: "default", recorded: day,
                           agreement: "agr-\(n)", partner: partner, country: "Česko",
                           effective: PartialDate("2021-05"), record: record)
    }

    static func amended(n: Int, importID: String) -> LedgerEvent {
        LedgerEvent(type: .amended, importID: importID, source: "default", recorded: day, agreement: "agr-\(n)",
                    partner: "Partner \(n)", changes: ["city": FieldChange(from: .string("Brno"), to: .null)])
    }

    static func imported(_ importID: String, formatVersion: Int? = nil) -> LedgerEvent {
        var counts = EventCounts()
        counts.signed = 2
        return LedgerEvent(type: .imported, importID: importID, source: "default", recorded: day,
                           file: "list \(importID).tsv", sha256: String(repeating: "ab", count: 32), counts: counts,
                           formatVersion: formatVersion)
    }

    /// `events` lifecycle events then the closing `imported`.
    static func batch(_ importID: String, events: Int) -> [LedgerEvent] {
        (0..<events).map { n in
            n % 2 == 0 ? signed(partner: "Université \(importID) nº\(n)", n: n, importID: importID)
                : amended(n: n, importID: importID)
        } + [imported(importID)]
    }

    /// A fresh directory path under the temporary directory (not created).
    static func temporaryStorePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ledger-store-\(UUID().uuidString)").path
    }

    /// Runs `body` with a new store in a fresh temporary directory, removed afterwards.
    static func withStore(_ body: (EventStore) throws -> Void) throws {
        let path = temporaryStorePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try EventStore(directory: path, create: true)
        try body(store)
    }

    static func bytes(_ path: String) -> [UInt8] {
        (FileManager.default.contents(atPath: path)).map { [UInt8]($0) } ?? []
    }

    static func write(_ bytes: [UInt8], to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func append(_ bytes: [UInt8], to path: String) {
        write(self.bytes(path) + bytes, to: path)
    }

    /// The log's lines, without their `\n`.
    static func lines(_ path: String) -> [[UInt8]] {
        bytes(path).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }

    static func write(lines: [[UInt8]], to path: String) {
        write(lines.flatMap { $0 + [0x0A] }, to: path)
    }
}
