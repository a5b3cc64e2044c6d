import Foundation
import Testing
@testable import AgreementLedger

/// Every input a fuzz target ever crashed on (`Fuzz/TARGET/regressions/`, saved by `Scripts/fuzz`) runs
/// through the same checks as the target's entry, so a fixed crash stays fixed without a fuzzer. A few
/// seed inputs of each kind run too, so the checks themselves are exercised.
@Suite struct FuzzRegressionTests {
    static let fuzzRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Tests/AgreementLedgerTests/Reliability/this.swift
        return url.path + "/Fuzz"
    }()

    /// The regression inputs of `target`, plus the first `seeds` files of its corpus (sorted by name).
    static func inputs(_ target: String, seeds: Int) -> [(name: String, bytes: [UInt8])] {
        func files(_ folder: String, limit: Int) -> [(String, [UInt8])] {
            let path = fuzzRoot + "/" + target + "/" + folder
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }
            return names.sorted().prefix(limit).map { ($0, Array(FileManager.default.contents(atPath: path + "/" + $0) ?? Data())) }
        }
        return files("regressions", limit: .max) + files("corpus", limit: seeds)
    }

    @Test func delimitedText() {
        let delimiters: [Delimiter?] = [nil, .tab, .comma, .semicolon]
        let encodings: [TextEncoding?] = [nil] + TextEncoding.allCases.map { Optional($0) }
        for (name, input) in Self.inputs("delimited-text", seeds: 3) where !input.isEmpty {
            let selector = input[0]
            let bytes = Array(input.dropFirst())
            let delimiter = delimiters[Int(selector & 3)], encoding = encodings[Int(selector >> 2) % encodings.count]
            // Read a window at a time, the same rows or the same fault as read whole.
            if let opened = try? StreamedText.open(BytesInMemory(contents: bytes), declared: encoding, delimiter: delimiter,
                                                   windowSize: 1 + Int(selector) % 64) {
                var rows: [TextRow] = []
                let streamed = Result { () throws(ReadError) in
                    try opened.text.forEachBatch(size: 7, keeping: nil) { rows += $0; return true }
                }
                switch (Result { () throws(ReadError) in try DelimitedTextReader.read(bytes, delimiter: delimiter, encoding: encoding) }, streamed) {
                case (.success(let table), .success): #expect(rows == table.rows, "\(name)")
                case (.failure(let a), .failure(let b)): #expect(a == b, "\(name)")
                default: Issue.record("\(name): streamed and whole reading disagree")
                }
            }
            guard let table = try? DelimitedTextReader.read(bytes, delimiter: delimiter, encoding: encoding) else { continue }
            #expect(zip(table.rows, table.rows.dropFirst()).allSatisfy { $0.line < $1.line }, "\(name)")
            #expect(table.rows.allSatisfy { !$0.fields.isEmpty }, "\(name)")
        }
    }

    @Test func cells() {
        for (name, input) in Self.inputs("cells", seeds: 40) {
            let cell = String(decoding: input, as: UTF8.self)
            for order in [DateOrder.dayFirst, .monthFirst] {
                var dates = DateCellParser.parseAll(cell, order: order).map(\.date)
                for segment in TermParser.parseSignedAndTerm(cell, order: order).segments + TermParser.parseDuration(cell, order: order).segments {
                    dates += [segment.signed, segment.validUntil].compactMap { $0 }
                }
                for date in dates { #expect(PartialDate(date.description) == date, "\(name)") }
            }
            _ = CountryTable.shared.code(for: cell)
            _ = CountryTable.shared.splitCountries(cell)
            _ = StatusVocabulary.statuses(in: cell)
            _ = PartnerName.folded(PartnerName.clean(cell).name)
        }
    }

    @Test func eventLine() {
        for (name, input) in Self.inputs("event-line", seeds: 10) {
            input.withUnsafeBufferPointer { log in
                if case .success(let event) = LogLine.decode(log, 0..<log.count) {
                    let line = Array(event.canonicalLine.utf8)
                    line.withUnsafeBufferPointer { again in
                        #expect((try? LogLine.decode(again, 0..<again.count).get()) == event, "\(name)")
                    }
                }
                let layout = LogLayout(log)
                let walk = LogVerifier.walk(log, lines: layout.lines[..<layout.committedLines], full: true, chunkSize: 4)
                if walk.fault == nil {
                    #expect(walk.events.map(\.seq) == Array(0..<layout.committedLines).map { $0 + 1 }, "\(name)")
                }
                let bare = LogVerifier.walk(log, lines: layout.lines[..<layout.committedLines], full: true, chunkSize: 4,
                                            keepEvents: false, handingOn: false)
                #expect(bare.validCount == walk.validCount && bare.lastHash == walk.lastHash
                        && bare.fault?.line == walk.fault?.line && bare.fault?.problem == walk.fault?.problem, "\(name)")
            }
        }
    }
}
