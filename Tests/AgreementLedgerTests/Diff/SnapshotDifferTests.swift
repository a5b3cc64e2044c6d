import Testing
@testable import AgreementLedger

/// The contract's event semantics, one rule per test, on hand-made records.
@Suite struct SnapshotDifferTests {
    func record(_ partner: String, country: String? = "Poland", signed: String? = "2020", until: String? = nil,
                indefinite: Bool = false, term: String? = nil, status: AgreementStatus? = nil, kind: String? = nil,
                reference: String? = nil, city: String? = nil, row: Int = 1) -> AgreementRecord {
        AgreementRecord(partner: partner, country: country, countryCode: country.flatMap { CountryTable.shared.code(for: $0) },
                        city: city, signed: signed.flatMap { PartialDate($0) }, validUntil: until.flatMap { PartialDate($0) },
                        indefinite: indefinite, term: term, status: status, kind: kind, reference: reference, row: row)
    }

    /// Imports `first` on `d1`, then diffs `second` on `d2`; returns the second batch's events.
    func step(_ first: [AgreementRecord], _ second: [AgreementRecord], d1: String = "2024-01-01", d2: String = "2024-06-01") -> [LedgerEvent] {
        let e1 = SnapshotDiffer(source: "s", recorded: PartialDate(d1)!, importID: "1").diff(records: first, known: [], takenIDs: []).events
        let state = LedgerState(events: e1.enumerated().map { var e = $0.element; e.seq = $0.offset + 1; return e })
        return SnapshotDiffer(source: "s", recorded: PartialDate(d2)!, importID: "2")
            .diff(records: second, known: state.ordered(), takenIDs: Set(state.ids)).events
    }

    func types(_ events: [LedgerEvent]) -> [String] { events.map(\.type.rawValue) }

    @Test func firstImportSignsThenEndsWhatTheSnapshotShowsEnded() {
        let events = step([], [record("A", until: "2023"), record("B", status: .closed), record("C", indefinite: true)], d2: "2024-03-01")
        #expect(types(events) == ["signed", "signed", "signed", "expired", "closed"])
        #expect(events[0].effective?.description == "2020", "signed takes effect on the signing date")
        #expect(events[3].effective?.description == "2023", "an expiry by date takes effect at the stated end")
    }

    @Test func aYearEndIsOnlyWhollyPastAfterTheYear() {
        #expect(step([record("A", until: "2024")], [record("A", until: "2024")], d2: "2024-06-01").isEmpty,
                "2024 is not wholly before 2024-06-01")
        #expect(types(step([record("A", until: "2024")], [record("A", until: "2024")], d2: "2025-01-01")) == ["expired"])
    }

    @Test func aStatedStatusWinsOverDates() {
        #expect(step([record("A", until: "2020", status: .active)], [record("A", until: "2020", status: .active)]).isEmpty)
        #expect(types(step([record("A", until: "2030", status: .active)], [record("A", until: "2030", status: .expired)])) == ["expired"])
    }

    @Test func noiseAloneYieldsNothing() {
        let old = [record("University of Gdańsk", city: "Gdańsk", row: 3), record("Tech Uni", row: 4)]
        let new = [record("Tech Uni", row: 9), record("UNIVERSITY  OF GDAŃSK", city: "GDAŃSK", row: 2)]
        #expect(step(old, new).isEmpty, "order, row numbers, letter case and spacing are not changes")
    }

    @Test func renewalsExtendValidity() {
        #expect(types(step([record("A", until: "2025")], [record("A", until: "2030")])) == ["renewed"])
        #expect(types(step([record("A", signed: "2015", term: "P5Y")], [record("A", signed: "2021", term: "P5Y")])) == ["renewed"],
                "a later signing of the same agreement")
        #expect(types(step([record("A")], [record("A", term: "P3Y")])) == ["renewed"], "a term added")
        #expect(types(step([record("A", until: "2025")], [record("A", indefinite: true)])) == ["renewed"], "indefinite where it had an end")
        let renewed = step([record("A", until: "2025")], [record("A", until: "2030")])[0]
        #expect(renewed.changes == ["validUntil": FieldChange(from: .string("2025"), to: .string("2030"))])
    }

    @Test func aRenewedExpiredAgreementIsActiveAgain() {
        let first = [record("A", until: "2023")]
        let e1 = SnapshotDiffer(source: "s", recorded: PartialDate("2024-01-01")!, importID: "1").diff(records: first, known: [], takenIDs: []).events
        var state = LedgerState()
        for (i, var e) in e1.enumerated() { e.seq = i + 1; state.apply(e) }
        #expect(state.ordered()[0].state == .expired)
        let e2 = SnapshotDiffer(source: "s", recorded: PartialDate("2024-06-01")!, importID: "2")
            .diff(records: [record("A", until: "2028")], known: state.ordered(), takenIDs: []).events
        for var e in e2 { e.seq = 99; state.apply(e) }
        #expect(types(e2) == ["renewed"])
        #expect(state.ordered()[0].state == .active)
    }

    @Test func shorterValidityAndOtherFieldsAreAmendments() {
        let events = step([record("A", until: "2030", city: "Kraków")], [record("A", until: "2027", city: "Krakow")])
        #expect(types(events) == ["amended"])
        #expect(Set(events[0].changes!.keys) == ["validUntil", "city"])
    }

    @Test func aSpellingCorrectionIsAmendedNotClosedAndSigned() {
        let events = step([record("Univeristy of Silesia", row: 1), record("Silesian University of Technology", row: 2)],
                          [record("Silesian University of Technology", row: 1), record("University of Silesia", row: 2)])
        #expect(types(events) == ["amended"])
        #expect(events[0].changes?["partner"] == FieldChange(from: .string("Univeristy of Silesia"), to: .string("University of Silesia")))
    }

    @Test func absentAgreementsAreClosedAndNewOnesSigned() {
        let events = step([record("A"), record("B")], [record("A"), record("C")])
        #expect(types(events) == ["signed", "closed"])
        #expect(events.map { $0.partner! } == ["C", "B"])
    }

    @Test func aPartnerWithTwoAgreementsKeepsTwo() {
        let old = [record("Uni X", signed: "2016", indefinite: true), record("Uni X", signed: "2025", until: "2030")]
        #expect(step(old, old.reversed()).isEmpty)
        let events = step(old, [old[1]])
        #expect(types(events) == ["closed"])
        #expect(events[0].agreement == step([], old).first!.agreement, "the 2016 agreement is the one closed")
    }

    @Test func theRegistrationNumberIdentifiesARenamedPartner() {
        let events = step([record("Old Name Institute", reference: "07-22")], [record("Completely New Name", reference: "07-22")])
        #expect(types(events) == ["amended"])
    }

    @Test func aClosedAgreementThatReappearsIsReopened() {
        let e1 = SnapshotDiffer(source: "s", recorded: PartialDate("2024-01-01")!, importID: "1")
            .diff(records: [record("A", indefinite: true), record("B")], known: [], takenIDs: []).events
        var state = LedgerState()
        for (i, var e) in e1.enumerated() { e.seq = i + 1; state.apply(e) }
        let e2 = SnapshotDiffer(source: "s", recorded: PartialDate("2024-02-01")!, importID: "2")
            .diff(records: [record("B")], known: state.ordered(), takenIDs: []).events
        for var e in e2 { e.seq = 10; state.apply(e) }
        let e3 = SnapshotDiffer(source: "s", recorded: PartialDate("2024-03-01")!, importID: "3")
            .diff(records: [record("A", indefinite: true), record("B")], known: state.ordered(), takenIDs: []).events
        #expect(types(e3) == ["renewed"])
        #expect(e3[0].changes?["state"] == FieldChange(from: .string("closed"), to: .string("active")))
    }

    @Test func idsAreDeterministicAndDistinct() {
        let records = [record("Same", kind: "Exchange", row: 1), record("Same", kind: "MoU", row: 2), record("Same", kind: "Exchange", row: 3)]
        let a = step([], records).map { $0.agreement! }, b = step([], records).map { $0.agreement! }
        #expect(a == b)
        #expect(Set(a).count == 2, "two identical rows are one agreement; another kind is another agreement")
    }

    @Test func eventsComeGroupedByTypeEachInRowOrderWhateverTheWindow() {
        // 48 agreements; the next snapshot, rows shuffled, renews, amends, ends by status (expired and closed),
        // drops and adds: every type comes from rows spread over the windows.
        let first = (0..<48).map { record("Partner \($0)", until: "2026", reference: "R\($0)", row: $0 + 2) }
        var second: [AgreementRecord] = []
        for n in (0..<48).map({ ($0 * 29) % 48 }) {
            var r = first[n]
            r.row = second.count + 2
            switch n % 6 {
            case 0: r.validUntil = PartialDate("2030")
            case 1: r.city = "Kraków"
            case 2: r.status = .expired
            case 3: r.status = .closed
            case 4: continue
            default: break
            }
            second.append(r)
            if n % 12 == 5 { second.append(record("New \(n)", row: second.count + 2)) }
        }
        let e1 = SnapshotDiffer(source: "s", recorded: PartialDate("2024-01-01")!, importID: "1").diff(records: first, known: [], takenIDs: []).events
        let state = LedgerState(events: e1.enumerated().map { var e = $0.element; e.seq = $0.offset + 1; return e })
        let row = Dictionary(uniqueKeysWithValues: second.map { ($0.partner, $0.row) })
        for window in [1, 5, 65_536] {
            var differ = SnapshotDiffer(source: "s", recorded: PartialDate("2024-06-01")!, importID: "2")
            differ.windowSize = window
            let events = differ.diff(records: second, known: state.ordered(), takenIDs: Set(state.ids)).events
            let order = events.map { EventType.lifecycle.firstIndex(of: $0.type)! }
            #expect(order == order.sorted(), "window \(window): grouped by type")
            #expect(Set(events.map(\.type)) == Set(EventType.lifecycle), "window \(window): every type")
            for type in EventType.lifecycle {
                let rows = events.filter { $0.type == type }.map { row[$0.partner ?? ""] ?? Int.max }
                // Closings of agreements the snapshot dropped (no row) come after those it shows closed.
                #expect(rows == rows.sorted(), "window \(window): \(type) in row order")
            }
        }
    }

    @Test func eventsMadeInSmallWindowsAreTheSameBatch() {
        // 40 agreements, then a snapshot that renews, amends, ends, drops and adds some of them.
        let first = (0..<40).map { record("Partner \($0)", until: "2026", reference: "R\($0)", row: $0 + 2) }
        var second = first.enumerated().compactMap { n, r -> AgreementRecord? in
            var r = r
            switch n % 8 {
            case 0: r.validUntil = PartialDate("2030")
            case 1: r.city = "Kraków"
            case 2: r.status = .expired
            case 3: return nil
            default: break
            }
            return r
        }
        second += (0..<6).map { record("New \($0)", row: 100 + $0) }
        let e1 = SnapshotDiffer(source: "s", recorded: PartialDate("2024-01-01")!, importID: "1").diff(records: first, known: [], takenIDs: []).events
        let state = LedgerState(events: e1.enumerated().map { var e = $0.element; e.seq = $0.offset + 1; return e })
        func batch(window: Int) -> [LedgerEvent] {
            var differ = SnapshotDiffer(source: "s", recorded: PartialDate("2024-06-01")!, importID: "2")
            differ.windowSize = window
            return differ.diff(records: second, known: state.ordered(), takenIDs: Set(state.ids)).events
        }
        let whole = batch(window: 65_536)
        #expect(types(whole).filter { $0 == "renewed" }.count == 5)
        #expect(types(whole).filter { $0 == "closed" }.count == 5)
        #expect(types(whole).filter { $0 == "signed" }.count == 6)
        for window in [1, 3, 7] {
            let small = batch(window: window)
            #expect(small.map(\.canonicalLine) == whole.map(\.canonicalLine), "window \(window)")
        }
    }
}
