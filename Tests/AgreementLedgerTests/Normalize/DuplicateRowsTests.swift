import Testing
@testable import AgreementLedger

/// Repeated rows are found by ordering records by their key's hash; the groups must be those of taking the
/// records one by one in file order against a table of keys.
@Suite struct DuplicateRowsTests {
    /// The plain reading of the rule: each record joins the first group of its key whose members all leave its kind
    /// open and stand on other rows, else starts a group of its own.
    private func groupsOneByOne(_ records: [AgreementRecord]) -> [[Int]] {
        var groupsByKey: [DuplicateRows.Key: [[Int]]] = [:]
        for (i, r) in records.enumerated() {
            let k = DuplicateRows.key(r)
            var groups = groupsByKey[k] ?? []
            if let g = groups.firstIndex(where: { $0.allSatisfy { DuplicateRows.kindsCompatible(records[$0], r) && records[$0].row != r.row } }) {
                groups[g].append(i)
            } else {
                groups.append([i])
            }
            groupsByKey[k] = groups
        }
        return groupsByKey.values.flatMap { $0 }.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    /// A fixed sequence of choices, the same in every run.
    private struct Choices {
        var state: UInt64 = 7
        mutating func next(below n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test func groupsAreThoseOfTakingRecordsInFileOrder() {
        var generator = Choices()
        let partners = ["Univerzitet u Bihaću", "UNIVERZITET U BIHAĆU", "Uniwersytet Łódzki", "Aalto University", "aalto  university"]
        let kinds: [String?] = [nil, "MoU", "mou", "Erasmus+"]
        let dates: [PartialDate?] = [nil, PartialDate(year: 2020), PartialDate(year: 2021, month: 3, day: 4)]
        var records: [AgreementRecord] = []
        var row = 1
        for _ in 0..<3_000 {
            // Some rows hold two agreements: records of one row are never repeats of each other.
            if generator.next(below: 4) != 0 { row += 1 }
            var r = AgreementRecord(partner: partners[generator.next(below: partners.count)], row: row)
            r.kind = kinds[generator.next(below: kinds.count)]
            r.signed = dates[generator.next(below: dates.count)]
            r.countryCode = ["BA", "PL", nil][generator.next(below: 3)]
            r.country = r.countryCode == nil ? ["Finland", "finland"][generator.next(below: 2)] : nil
            records.append(r)
        }
        let expected = groupsOneByOne(records)
        #expect(expected.count > 40 && expected.contains { $0.count > 5 })
        #expect(DuplicateRows.repeated(records) == expected)
        #expect(DuplicateRows.repeated(Array(records.prefix(1))).isEmpty)
        #expect(DuplicateRows.repeated([]).isEmpty)
    }
}
