import Foundation
import Testing
@testable import AgreementLedger

/// Each real list imported as a sequence of edited snapshots (Ledger/samples, made by
/// Scripts/make-sample-snapshots): the exact events of every step.
@Suite struct ImportSequenceTests {
    /// Imports `steps` into a fresh store; returns each step's outcome.
    func run(_ source: String, _ steps: [(file: String, asOf: String?)]) throws -> (outcomes: [ImportOutcome], store: EventStore, dir: String) {
        let dir = TestFixtures.temporaryDirectory()
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        var outcomes: [ImportOutcome] = []
        for step in steps {
            outcomes += try importer.importFiles([TestFixtures.sample(source, step.file)], source: source,
                                                 asOf: step.asOf.flatMap { PartialDate($0) })
        }
        return (outcomes, store, dir)
    }

    func lines(_ o: ImportOutcome, skipSigned: Bool = false) -> [String] {
        o.events.filter { !(skipSigned && $0.type == .signed) }.map { "\($0.type.rawValue): " + ChangeSummary.describe($0) }
    }

    @Test func bosnianList() throws {
        let (o, _, dir) = try run("bosnian", [("2024-01-15.tsv", "2024-01-15"), ("2024-07-01.tsv", "2024-07-01"),
                                              ("2025-01-10.tsv", "2025-01-10"), ("2025-06-02.csv", "2025-06-02")])
        defer { TestFixtures.remove(dir) }
        #expect(o[0].counts.signed == 78, "79 records, the repeated Federalni zavod row counted once")
        #expect(o[0].counts.expired == 16 && o[0].counts.closed == 1, "stated statuses on a first import")
        #expect(lines(o[0], skipSigned: true).contains("closed: Didactica - Akademija za ekonomske nauke i jezike Beč (Austrija)"))
        #expect(o[1].events.isEmpty, "re-sorted rows, extra spaces, a blank line and letter case are noise")
        #expect(lines(o[2]) == [
            "signed: Univerzitet u Mariboru (Slovenija): signed 2024-11-15, term P5Y",
            "renewed: Helwan univerzitet (Egipat): signed: 2011-12-09 -> 2024-12-09; status: expired -> active",
            "amended: Univerzitet Dell'Insubria u Comu i Vareseu (Italija): partner: Univerzitet Dell'Insubria u Comu i Varesi -> Univerzitet Dell'Insubria u Comu i Vareseu",
            "amended: Međimursko Veleučilište u Čakovcu (Hrvatska): partner: Medimursko Veleučilište u Čakovcu -> Međimursko Veleučilište u Čakovcu",
            "expired: Yildiz univerzitet (Turska): stated expired",
            "closed: Univerzitet u Kairu (Egipat)",
            "closed: Privredna komora USK-a (BiH)",
        ])
        #expect(o[3].events.isEmpty, "the same list as CSV with reordered columns")
    }

    @Test func polishList() throws {
        let (o, _, dir) = try run("polish", [("2026-04-02.tsv", nil), ("2026-06-03.tsv", nil), ("2026-09-01.csv", nil)])
        defer { TestFixtures.remove(dir) }
        #expect(o.map(\.recorded.description) == ["2026-04-02", "2026-06-03", "2026-09-01"], "recorded from the footer")
        #expect(o[0].counts.signed == 412 && o[0].counts.total == 412)
        #expect(lines(o[1]) == [
            "signed: Universidad Politécnica de Madrid (Hiszpania): signed 2026, valid until 2031",
            "renewed: Varna University of Management (Bulgaria): validUntil: 2029 -> 2034",
            "amended: University Mohamed Khider of Biskra (Algieria): partner: Univeristy Mohamed Khider of Biskra -> University Mohamed Khider of Biskra",
            "closed: The Energy Research Institute of Shandong Academy of Science (Chiny)",
        ])
        #expect(o[2].events.isEmpty, "a CSV re-export of the same list")
    }

    @Test func aituList() throws {
        let (o, _, dir) = try run("aitu", [("2025-01-15.tsv", "2025-01-15"), ("2025-06-30.tsv", "2025-06-30")])
        defer { TestFixtures.remove(dir) }
        #expect(o[0].counts.signed == 74)
        #expect(lines(o[0], skipSigned: true) == [
            "expired: Green River College (USA): valid until 2024-12-24",
            "expired: School of Design, The Hong Kong Polytechnic University (China): valid until 2023-05-31",
            "expired: Universitat Politecnica de Valencia (Spain): valid until 2024-01-10",
            "expired: Higher School of Security and Economics (Bulgaria): valid until 2023-05-26",
            "expired: Woxsen University (India): valid until 2024-11-09",
        ], "no status column: the end dates decide")
        #expect(lines(o[1]) == [
            "signed: University of Ljubljana (Slovenia): signed 2025-03-03, valid until 2030-03-03",
            "renewed: University of Latvia (Latvia): validUntil: 2025-02-12 -> 2030-02-12",
            "amended: Lviv Polytechnic National University (Ukraine): country: South Korea -> Ukraine; countryCode: KR -> UA",
            "expired: Schmalkalden University of Applied Sciences (Germany): valid until 2025-02-17",
            "expired: Geneva Information Technology Institute (Switzerland): valid until 2025-04-01",
            "closed: Sphere AX (South Korea)",
        ])
        #expect(o[1].events.first { $0.type == .expired }?.effective?.description == "2025-02-17")
    }

    @Test func englishList() throws {
        let (o, _, dir) = try run("english", [("2022-01-17.tsv", nil), ("2023-01-16.tsv", nil), ("2023-03-01.csv", nil)])
        defer { TestFixtures.remove(dir) }
        #expect(o[0].counts.signed == 68 && o[0].counts.total == 68, "no 'until 2022' is wholly before 2022-01-17")
        let step2 = lines(o[1])
        #expect(step2.prefix(2) == [
            "renewed: Gabes University (Tunis): validUntil: 2022 -> 2027",
            "amended: Dzemal Bijedic University of Mostar (Bosnia and Herzegovina): partner: Dzemaal Bijedic University of Mostar -> Dzemal Bijedic University of Mostar",
        ])
        #expect(step2.last == "closed: Baltic International Academy (Latvia)")
        #expect(o[1].counts.expired == 17 && step2.filter { $0.hasPrefix("expired:") }.allSatisfy { $0.hasSuffix("valid until 2022") })
        #expect(o[2].events.isEmpty, "CSV with the columns reordered")
    }

    @Test func replayToEachSnapshotDateEqualsTheStateRightAfterIt() throws {
        let steps: [(file: String, asOf: String?)] = [("2024-01-15.tsv", "2024-01-15"), ("2024-07-01.tsv", "2024-07-01"), ("2025-01-10.tsv", "2025-01-10")]
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store)
        var after: [[AgreementState]] = []
        for step in steps {
            _ = try importer.importFiles([TestFixtures.sample("bosnian", step.file)], source: "bosnian", asOf: PartialDate(step.asOf!))
            after.append(StatusQuery().run(try store.readCommitted()))
        }
        let events = try store.readCommitted()
        for (i, step) in steps.enumerated() {
            #expect(StatusQuery(at: PartialDate(step.asOf!)).run(events) == after[i], "status --at \(step.asOf!)")
        }
        #expect(StatusQuery(at: PartialDate("2024-01-14")).run(events).isEmpty, "nothing was known before the first import")
    }

    @Test func identicalContentAppendsNothingAndOlderDatesAreRefused() throws {
        let (_, store, dir) = try run("english", [("2022-01-17.tsv", nil)])
        defer { TestFixtures.remove(dir) }
        let log = dir + "/events.jsonl"
        let before = try TestFixtures.bytes(log)
        let again = try Importer(store: store).importFiles([TestFixtures.sample("english", "2022-01-17.tsv")], source: "english", asOf: nil)
        #expect(again.count == 1 && again[0].unchanged && again[0].events.isEmpty)
        #expect(try TestFixtures.bytes(log) == before, "nothing appended")
        #expect(throws: InputError.self) {
            try Importer(store: store).importFiles([TestFixtures.sample("english", "2023-01-16.tsv")], source: "english",
                                                   asOf: PartialDate("2021-12-31"))
        }
        #expect(try TestFixtures.bytes(log) == before, "a refused import writes nothing")
        let dry = try Importer(store: store).importFiles([TestFixtures.sample("english", "2023-01-16.tsv")], source: "english", asOf: nil, dryRun: true)
        #expect(dry[0].counts.expired == 17 && dry[0].dryRun)
        #expect(try TestFixtures.bytes(log) == before, "a dry run writes nothing")
    }

    @Test func sameInputsGiveByteIdenticalLogs() throws {
        let steps: [(file: String, asOf: String?)] = [("2025-01-15.tsv", "2025-01-15"), ("2025-06-30.tsv", "2025-06-30")]
        let a = try run("aitu", steps), b = try run("aitu", steps)
        defer { TestFixtures.remove(a.dir); TestFixtures.remove(b.dir) }
        #expect(try TestFixtures.bytes(a.dir + "/events.jsonl") == TestFixtures.bytes(b.dir + "/events.jsonl"))
    }

    @Test func severalFilesAreAppliedInDateOrder() throws {
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let store = try EventStore(directory: dir, create: true)
        let files = ["2023-01-16.tsv", "2022-01-17.tsv"].map { TestFixtures.sample("english", $0) }
        let outcomes = try Importer(store: store).importFiles(files, source: "english", asOf: nil)
        #expect(outcomes.map(\.recorded.description) == ["2022-01-17", "2023-01-16"])
        #expect(outcomes[1].counts.expired == 17)
    }
}

/// A truncated export must not read as mass terminations.
@Suite struct MassClosureGuardTests {
    @Test func refusesToCloseMoreThanAThirdOrAnEmptyListUnlessAllowed() throws {
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store)
        _ = try importer.importFiles([TestFixtures.sample("english", "2022-01-17.tsv")], source: "english", asOf: nil)
        let log = try TestFixtures.bytes(dir + "/events.jsonl")
        let text = String(decoding: try TestFixtures.bytes(TestFixtures.sample("english", "2023-01-16.tsv")), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let truncated = dir + "/truncated.tsv"
        try (lines.prefix(30).joined(separator: "\n") + "\nUpdated on January 16, 2023\n").write(toFile: truncated, atomically: true, encoding: .utf8)
        do {
            _ = try importer.importFiles([truncated], source: "english", asOf: nil)
            Issue.record("a cut-short export must be refused")
        } catch let error as InputError {
            #expect(error.message.hasPrefix("would close 41 of the 68 active agreements of \"english\""))
        }
        let headerOnly = dir + "/header.tsv"
        try "NO.\tUNIVERSITY\tCOUNTRY\tCONCLUSION DATE\tEFFECTIVE UNTIL\n".write(toFile: headerOnly, atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try importer.importFiles([headerOnly], source: "english", asOf: PartialDate("2023-02-01")) }
        #expect(try TestFixtures.bytes(dir + "/events.jsonl") == log, "refusals write nothing")
        let allowed = try importer.importFiles([truncated], source: "english", asOf: nil, allowMassClosure: true)
        #expect(allowed[0].counts.closed == 41)
    }
}
