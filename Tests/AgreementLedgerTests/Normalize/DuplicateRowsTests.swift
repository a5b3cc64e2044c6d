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

    /// Records whose keys are equal hash alike, however their names are spelled; keys that differ in one part
    /// (the name, the country or its code, the date, a date's precision) hash apart.
    @Test func keysHashByTheirFoldedBytes() {
        func hash(_ r: AgreementRecord) -> Int {
            var scratch: [UInt8] = []
            return DuplicateRows.keyHash(r, scratch: &scratch)
        }
        let a = AgreementRecord(partner: "Uniwersytet Łódzki", country: "Polska", signed: PartialDate("2021-05-03"), row: 2)
        var b = a
        b.partner = "  UNIWERSYTET   lodzki "
        b.country = "POLSKA"
        b.row = 9
        #expect(DuplicateRows.key(a) == DuplicateRows.key(b) && hash(a) == hash(b))
        var reusing: [UInt8] = Array(repeating: 7, count: 300)
        #expect(DuplicateRows.keyHash(b, scratch: &reusing) == hash(a))
        var others: [AgreementRecord] = []
        for change in 0..<5 {
            var c = a
            switch change {
            case 0: c.partner = "Uniwersytet Łódzki II"
            case 1: c.country = "Polen"
            case 2: c.countryCode = "PL"
            case 3: c.signed = PartialDate("2021-05")
            default: c.signed = nil
            }
            others.append(c)
        }
        for c in others { #expect(DuplicateRows.key(c) != DuplicateRows.key(a) && hash(c) != hash(a)) }
    }
}
