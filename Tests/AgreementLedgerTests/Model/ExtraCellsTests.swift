import Testing
@testable import AgreementLedger

/// The unmapped cells behave as the dictionary they replace: one value per header, last given wins, equal
/// whatever the order they were given in; and they iterate in canonical JSON key order.
@Suite struct ExtraCellsTests {
    @Test func headersComeOutInUTF8OrderWhateverTheOrderGiven() {
        let cells: ExtraCells = ["Napomena": "a", "LP.": "1", "Zemlja (2)": "x", "Ämne": "ä", "a": "lower"]
        #expect(cells.map(\.header) == ["LP.", "Napomena", "Zemlja (2)", "a", "Ämne"])
        #expect(cells == ExtraCells(["a": "lower", "Ämne": "ä", "LP.": "1", "Napomena": "a", "Zemlja (2)": "x"]))
        #expect(cells.map(\.header) == JSONWriter.sortedKeys(cells.dictionary))
    }

    @Test func aHeaderGivenTwiceKeepsItsLastValue() {
        let cells = ExtraCells([ExtraCells.Cell(header: "B", value: "1"), ExtraCells.Cell(header: "A", value: "2"),
                                ExtraCells.Cell(header: "B", value: "3")])
        #expect(cells.count == 2)
        #expect(cells["B"] == "3")
        #expect(cells.dictionary == ["A": "2", "B": "3"])
    }

    @Test func subscriptInsertsReplacesAndRemoves() {
        var cells: ExtraCells = [:]
        #expect(cells.isEmpty)
        for header in ["m", "c", "x", "a", "q"] { cells[header] = header.uppercased() }
        #expect(cells.map(\.header) == ["a", "c", "m", "q", "x"])
        cells["m"] = "changed"
        cells["c"] = nil
        cells["absent"] = nil
        #expect(cells.dictionary == ["a": "A", "m": "changed", "q": "Q", "x": "X"])
        #expect(cells["c"] == nil && cells["q"] == "Q")
    }

    @Test func duplicateHeadersInAFileKeepTheirNumberedKeysAndColumnOrder() throws {
        let s = try TestFixtures.snapshot(Array("Partner\tCountry\tNote\tNote\tNote (2)\nUni A\tPoland\tfirst\tsecond\tthird\n".utf8))
        #expect(s.records[0].extra.dictionary == ["Note": "first", "Note (2)": "third"],
                "the literal \"Note (2)\" column comes after the second \"Note\" and wins, as a dictionary filled in column order")
    }
}
