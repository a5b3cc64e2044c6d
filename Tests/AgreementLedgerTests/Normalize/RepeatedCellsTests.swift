import Testing
@testable import AgreementLedger

/// A cell read once and remembered must read as it would on its own: every row of a list whose cells repeat
/// gives the records and warnings it gives alone in a file, past the memory's capacity too.
@Suite struct RepeatedCellsTests {
    @Test func eachRowReadsAsItDoesAlone() throws {
        let header = "Partner\tCity\tCountry\tSigned\tValid until\tTerm\tStatus"
        let cities = ["Wien", "Univerzitet u Bihaću", "Kraków"]
        let countries = ["Austrija BiH", "Poland", "Italija; Grčka", "Narnia"]
        let validities = ["Permanent", "na czas nieokreślony", "2030", "5+", "blah"]
        let statuses = ["aktivan", "expired", "???", ""]
        var rows: [String] = []
        for n in 0..<1_500 {
            let term = n % 3 == 0 ? "\(n % 700 + 1) years" : ["5 lat", "", "do 2029"][n % 3]
            rows.append(["Uni \(n)", cities[n % 3], countries[n % 4], n % 5 == 0 ? "2019, 2021" : "\(2000 + n % 20)",
                         validities[n % 5], term, statuses[n % 4]].joined(separator: "\t"))
        }
        let whole = try TestFixtures.snapshot(Array(([header] + rows).joined(separator: "\n").utf8))
        #expect(whole.records.count > rows.count && whole.warnings.count > rows.count)
        for (i, row) in rows.enumerated() {
            let alone = try TestFixtures.snapshot(Array((header + "\n" + row).utf8))
            let line = i + 2
            var expected = alone.records
            for k in expected.indices { expected[k].row = line }
            #expect(whole.records.filter { $0.row == line } == expected, "row \(line)")
            // Rows repeating another (swapped cities make some) are a matter of the whole list, not of one row.
            #expect(whole.warnings.filter { $0.row == line && !$0.message.hasPrefix("this row ") }.map(\.message)
                    == alone.warnings.filter { $0.row == 2 }.map(\.message), "row \(line)")
        }
    }
}
