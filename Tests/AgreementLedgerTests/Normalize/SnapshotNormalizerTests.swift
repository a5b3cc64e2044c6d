import Foundation
import Testing
@testable import AgreementLedger

/// The row rules of the normalizer, each on a small table shaped like the real lists.
@Suite struct SnapshotNormalizerTests {
    func read(_ text: String) throws -> Snapshot {
        try TestFixtures.snapshot(Array(text.utf8))
    }

    @Test func blankLinesCountInRowNumbersAndNonAgreementsAreWarned() throws {
        let s = try read("\n\nPartner\tCountry\tValid until\nA\tPoland\t2030\n\nSection title\n\t\t\tloose note\nB\tSpain\tPermanent\nUpdated on January 17, 2022\n")
        #expect(s.records.map(\.partner) == ["A", "B"])
        #expect(s.records.map(\.row) == [4, 8])
        #expect(s.asOf?.description == "2022-01-17")
        #expect(s.warnings.map(\.row) == [6, 7, 9], "every skipped non-blank line is warned about, blank ones are not")
    }

    @Test func dayMonthOrderIsDecidedPerColumnFromTheWholeFile() throws {
        let s = try read("Partner\tSigned\tValid until\nA\t3/4/2020\t5/6/2025\nB\t1/2/2021\t12/24/2026\n")
        #expect(s.records.map { $0.signed?.description } == ["2020-03-04", "2021-01-02"], "24 in the other column decides month-first for the file")
        #expect(s.records.map { $0.validUntil?.description } == ["2025-05-06", "2026-12-24"])
    }

    @Test func undecidedOrderFollowsTheLanguageAndWarns() throws {
        let s = try read("Univerzitet\tDatum potpisivanja\nA\t03/04/2020\n")
        #expect(s.records[0].signed?.description == "2020-04-03")
        #expect(s.warnings.contains { $0.message.contains("read as day/month/year") })
    }

    @Test func repeatedRowIsReportedAndListed() throws {
        let s = try read("Partner\tCountry\tSigned\tType\nX Uni\tPoland\t2020\t\nX Uni\tPoland\t2020\tMoU\n")
        #expect(s.records.count == 2, "inspect lists each row")
        #expect(s.warnings.map(\.message) == ["this row repeats, with more cells filled, row 2 (X Uni)"])
    }

    @Test func sameListInOtherShapesGivesTheSameRecords() throws {
        for seed in ["bosnian", "polish", "aitu", "english"] {
            let bytes = try TestFixtures.seedBytes(seed)
            let base = try TestFixtures.snapshot(bytes).records
            let text = String(decoding: bytes, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            let csv = lines.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n")
            #expect(try TestFixtures.snapshot(Array(csv.utf8)).records == base, "\(seed) as CSV with CRLF")
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            #expect(try TestFixtures.snapshot(Array(crlf.utf8)).records == base, "\(seed) with CRLF line ends")
            var utf16: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            #expect(try TestFixtures.snapshot(utf16).records == base, "\(seed) as UTF-16 LE with BOM")
            let width = lines.map(\.count).max()!
            let reordered = lines.map { cells -> String in
                let padded = cells.count == 1 && cells[0].isEmpty ? cells : cells + Array(repeating: "", count: width - cells.count)
                return padded.count == 1 ? padded[0] : ([padded.last!] + padded.dropLast()).joined(separator: "\t")
            }.joined(separator: "\n")
            #expect(try TestFixtures.snapshot(Array(reordered.utf8)).records == base, "\(seed) with its last column moved first")
        }
    }

    func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

@Suite struct CountryCodeColumnTests {
    @Test func aColumnOfCodesStatesTheCode() throws {
        let s = try TestFixtures.snapshot(Array("Partner\tCountry\tCountry code\nA\tKosovo\txk\nB\t\tDE\n".utf8))
        #expect(s.records.map { $0.countryCode } == ["XK", "DE"])
        #expect(s.records[1].country == nil, "the country name is not invented from the code")
    }
}
