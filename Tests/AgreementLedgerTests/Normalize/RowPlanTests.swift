import Foundation
import Testing
@testable import AgreementLedger

/// What the normalizer works out once per file must read each row as the per-row lookups it replaced did: the
/// column of every role, and the unmapped cells, on every row of the four real lists.
@Suite struct RowPlanTests {
    /// Each seed's rows and layout, read as the importer reads them.
    private static func seeds() throws -> [(name: String, rows: [TextRow], layout: ColumnLayout)] {
        try TestFixtures.seeds.keys.sorted().map { name in
            let bytes = try TestFixtures.seedBytes(name)
            let layout = try TestFixtures.snapshot(bytes, name: name).layout
            return (name, try DelimitedTextReader.read(bytes).rows, layout)
        }
    }

    /// The unmapped cells as they were built before: every non-empty unmapped cell, then sorted by `ExtraCells`.
    private static func reference(_ columns: ExtraColumns, _ row: [String]) -> ExtraCells {
        ExtraCells(columns.columns.compactMap { c, key in
            c < row.count && !row[c].isEmpty ? ExtraCells.Cell(header: key, value: row[c]) : nil
        })
    }

    @Test func rolesHaveDistinctOrdinalsAndHashAsThemselves() {
        let ordinals = ColumnRole.allCases.map(\.ordinal)
        #expect(ordinals == Array(0..<ColumnRole.allCases.count))
        let table = Dictionary(uniqueKeysWithValues: ColumnRole.allCases.map { ($0, $0.rawValue) })
        for role in ColumnRole.allCases { #expect(table[role] == role.rawValue) }
    }

    @Test func columnsAreTheLayoutsOnEverySeed() throws {
        for seed in try RowPlanTests.seeds() {
            let plan = SnapshotNormalizer.RowPlan(layout: seed.layout, orders: [:])
            for role in ColumnRole.allCases {
                #expect(plan.column(role) == seed.layout.column(role), "\(seed.name): \(role)")
            }
            #expect(plan.lowercasedHeaders == seed.layout.headers.map { $0.lowercased() })
        }
    }

    @Test func unmappedCellsAreThoseOfEveryRowOnEverySeed() throws {
        var checked = 0
        for seed in try RowPlanTests.seeds() {
            let columns = seed.layout.extraColumns()
            #expect(columns.keysUnique, "\(seed.name): the real lists repeat no unmapped header")
            for row in seed.rows {
                let cells = row.fields.map(TextCleaning.collapse)
                let built = columns.cells(of: cells)
                #expect(built == RowPlanTests.reference(columns, cells), "\(seed.name) line \(row.line)")
                #expect(built.map(\.header) == RowPlanTests.reference(columns, cells).map(\.header))
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test func rowsWithCellsLeftEmptyOrMissingKeepTheirOtherCells() {
        let layout = ColumnLayout(headerIndex: 0, headerLine: 1, headers: ["No", "Partner", "Zeta", "Alpha", "Mid"],
                                  roles: [.ordinal, .partner, .extra, .extra, .extra], language: "en")
        let columns = layout.extraColumns()
        #expect(columns.keys == ["Alpha", "Mid", "No", "Zeta"])
        let rows: [[String]] = [
            ["1", "Uni", "z", "a", "m"], ["", "Uni", "z", "", "m"], ["2", "Uni", "", "", ""], ["3", "Uni"], [],
        ]
        for row in rows {
            #expect(columns.cells(of: row) == RowPlanTests.reference(columns, row), "\(row)")
        }
        #expect(columns.cells(of: rows[1]).map(\.header) == ["Mid", "Zeta"])
        #expect(columns.cells(of: rows[3]).dictionary == ["No": "3"])
    }

    @Test func aRepeatedKeyKeepsTheLastColumnsValue() {
        // Two "Note" columns and a literal "Note (2)": two keys "Note (2)", the later column winning.
        let layout = ColumnLayout(headerIndex: 0, headerLine: 1, headers: ["Partner", "Note", "Note", "Note (2)"],
                                  roles: [.partner, .extra, .extra, .extra], language: "en")
        let columns = layout.extraColumns()
        #expect(!columns.keysUnique)
        #expect(columns.cells(of: ["Uni", "a", "b", "c"]).dictionary == ["Note": "a", "Note (2)": "c"])
        #expect(columns.cells(of: ["Uni", "a", "b", ""]).dictionary == ["Note": "a", "Note (2)": "b"])
    }
}
