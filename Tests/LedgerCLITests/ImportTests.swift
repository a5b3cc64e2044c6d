import AgreementLedger
import Foundation
@testable import LedgerCLI
import Testing

@Suite("ledger import")
struct ImportTests {
    static let eventKeysSigned = ["agreement", "country", "effective", "hash", "import", "partner", "prev", "record",
                                  "recorded", "seq", "source", "type"]

    /// The log's lines, parsed.
    static func logEvents(_ s: Scratch) -> [JSONValue] {
        let text = String(decoding: s.logBytes() ?? [], as: UTF8.self)
        return text.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
    }

    /// An event without the fields the log assigns (seq, prev, hash), for comparing dry runs with real ones.
    static func unchained(_ event: JSONValue) -> JSONValue {
        var o = event.objectValue ?? [:]
        for k in ["seq", "prev", "hash"] { o[k] = nil }
        return .object(o)
    }

    @Test("the English samples in order: --json shape, counts of each step, recorded from the footer")
    func englishInOrder() throws {
        try withScratch { s in
            let expected: [(file: String, recorded: String, counts: JSONValue, events: Int)] = [
                (Samples.englishFirst, "2022-01-17", counts(68, 0, 0, 0, 0), 68),
                (Samples.englishSecond, "2023-01-16", counts(0, 1, 1, 17, 1), 20),
                (Samples.englishThird, "2023-03-01", counts(0, 0, 0, 0, 0), 0),
            ]
            var outputEvents: [JSONValue] = []
            for (n, step) in expected.enumerated() {
                let r = s.run(["import", step.file, "--source", "english", "--json"])
                #expect(r.code == 0, "\(r.err)")
                #expect(r.err == "\(step.file): 3 warnings (see 'ledger inspect \(step.file)')\n")
                let json = r.json()
                #expect(json.keys == ["counts", "events", "import", "recorded", "source"])
                #expect(json["import"] == .string(String(n + 1)))
                #expect(json["source"] == .string("english"))
                #expect(json["recorded"] == .string(step.recorded))
                #expect(json["counts"] == step.counts)
                let events = json["events"]?.items ?? []
                #expect(events.count == step.events)
                for e in events {
                    #expect(e["import"] == .string(String(n + 1)))
                    #expect(e["recorded"] == .string(step.recorded))
                    #expect(e["source"] == .string("english"))
                }
                outputEvents += events
            }
            // Step 1: 68 signed events, in file order, each with the full record.
            let first = outputEvents.prefix(68)
            #expect(first.allSatisfy { $0["type"] == .string("signed") })
            #expect(first.first.map { $0.keys } == Self.eventKeysSigned)
            #expect(first.first?["partner"] == .string("Ivane Javakhishvili Tbilisi State University"))
            #expect(first.first?["effective"] == .string("2018-01"))
            #expect(first.first?["record"]?["row"] == .int(4))
            #expect(first.first?["prev"] == .string(String(repeating: "0", count: 64)))
            // Step 2: the renewal, the spelling fix, 17 expiries by date, the removed row.
            let second = Array(outputEvents.dropFirst(68))
            var types: [String: Int] = [:]
            for e in second { types[e.string("type") ?? "", default: 0] += 1 }
            #expect(types == ["renewed": 1, "amended": 1, "expired": 17, "closed": 1])
            let renewed = second.first { $0["type"] == .string("renewed") }
            #expect(renewed?["partner"] == .string("Gabes University"))
            #expect(renewed?["changes"] == .object(["validUntil": .object(["from": .string("2022"), "to": .string("2027")])]))
            let amended = second.first { $0["type"] == .string("amended") }
            #expect(amended?["changes"] == .object(["partner": .object([
                "from": .string("Dzemaal Bijedic University of Mostar"), "to": .string("Dzemal Bijedic University of Mostar")])]))
            let closed = second.first { $0["type"] == .string("closed") }
            #expect(closed?["partner"] == .string("Baltic International Academy"))
            #expect(second.filter { $0["type"] == .string("expired") }.allSatisfy { $0["effective"] == .string("2022") })

            // What was printed is exactly what the log holds, plus one "imported" event closing each batch.
            let log = Self.logEvents(s)
            #expect(log.count == 68 + 1 + 20 + 1 + 1)
            #expect(log.map { $0.int("seq") } == Array(1...91))
            #expect(log.filter { $0["type"] != .string("imported") } == outputEvents)
            let imported = log.filter { $0["type"] == .string("imported") }
            #expect(imported.map { $0.string("file") } == ["2022-01-17.tsv", "2023-01-16.tsv", "2023-03-01.csv"])
            #expect(imported.map { $0["counts"] } == expected.map(\.counts))
            #expect(s.run(["verify"]).code == 0)
        }
    }

    @Test("the text output names the file, the source, the date, the import and the counts")
    func textOutput() throws {
        try withScratch { s in
            let r = s.run(["import", Samples.englishFirst, "--source", "english"])
            #expect(r.code == 0)
            #expect(r.out == "2022-01-17.tsv: imported into \"english\" as of 2022-01-17 (import 1): 68 signed, 0 renewed, 0 amended, 0 expired, 0 closed\n")
            #expect(r.errLine == "\(Samples.englishFirst): 3 warnings (see 'ledger inspect \(Samples.englishFirst)')")
            let r2 = s.run(["import", Samples.englishSecond, "--source", "english"])
            #expect(r2.out == "2023-01-16.tsv: imported into \"english\" as of 2023-01-16 (import 2): 0 signed, 1 renewed, 1 amended, 17 expired, 1 closed\n")
        }
    }

    @Test("--as-of overrides the footer date; --source defaults to \"default\"; LEDGER_DIR locates the store")
    func asOfAndDefaults() throws {
        try withScratch { s in
            let r = s.runWithEnvironment(["import", Samples.englishFirst, "--as-of", "2022-02-01", "--json"])
            #expect(r.code == 0, "\(r.err)")
            #expect(r.json()["recorded"] == .string("2022-02-01"))
            #expect(r.json()["source"] == .string("default"))
            #expect(r.json()["events"]?.items.first?["recorded"] == .string("2022-02-01"))
            let log = s.run(["log", "--json"]).json()["imports"]?.items ?? []
            #expect(log.map { $0.string("recorded") } == ["2022-02-01"])
            #expect(log.map { $0.string("source") } == ["default"])
        }
    }

    @Test("a file that states no date is recorded today (UTC) unless --as-of says otherwise")
    func recordedToday() throws {
        try withScratch { s in
            let path = try s.write("plain.tsv", "University\tCountry\tSigned\nAlpha College\tFrance\t2020\n")
            let today = PartialDate.today().description
            let r = s.run(["import", path, "--source", "plain", "--json"])
            #expect(r.code == 0, "\(r.err)")
            #expect(r.json()["recorded"] == .string(today))
            #expect(r.json()["counts"] == counts(1, 0, 0, 0, 0))
        }
    }

    @Test("importing the same content again appends nothing and says so")
    func sameContentAgain() throws {
        try withScratch { s in
            s.importEnglish(2)
            let before = try #require(s.logBytes())
            let r = s.run(["import", Samples.englishSecond, "--source", "english"])
            #expect(r.code == 0)
            #expect(r.out == "2023-01-16.tsv: same content as source \"english\"'s latest import; nothing appended\n")
            #expect(s.logBytes() == before)

            // Byte-identical content under another name is recognized too; --json says unchanged.
            let copy = try s.write("copy.tsv", bytes: Samples.bytes(Samples.englishSecond))
            let j = s.run(["import", copy, "--source", "english", "--json"])
            #expect(j.code == 0)
            #expect(j.json() == .object([
                "import": .null, "source": .string("english"), "recorded": .string("2023-01-16"),
                "counts": counts(0, 0, 0, 0, 0), "events": .array([]), "unchanged": .bool(true),
            ]))
            #expect(s.logBytes() == before)

            // The same file for another source is a first import there.
            let other = s.run(["import", Samples.englishSecond, "--source", "other", "--json"])
            #expect(other.code == 0)
            #expect(other.json()["counts"] == counts(67, 0, 0, 17, 0))
            #expect(other.json()["import"] == .string("3"))
        }
    }

    @Test("an import dated before the source's latest is refused, exit 1, log unchanged")
    func outOfOrderRefused() throws {
        try withScratch { s in
            s.importEnglish(2)
            let before = try #require(s.logBytes())
            let r = s.run(["import", Samples.englishFirst, "--source", "english"])
            #expect(r.code == 1)
            #expect(r.out == "")
            #expect(r.err.hasSuffix("ledger import: \(Samples.englishFirst): dated 2022-01-17, before source \"english\"'s latest import (2023-01-16); imports of a source must come in date order (use --as-of to date it)\n"))
            #expect(s.logBytes() == before)

            // --as-of an earlier day is refused the same way.
            let asOf = s.run(["import", Samples.englishThird, "--source", "english", "--as-of", "2023-01-15"])
            #expect(asOf.code == 1)
            #expect(asOf.err.contains("dated 2023-01-15, before source \"english\"'s latest import (2023-01-16)"))
            #expect(s.logBytes() == before)

            // Another source has its own order.
            #expect(s.run(["import", Samples.englishFirst, "--source", "other"]).code == 0)
        }
    }

    @Test("--dry-run writes nothing but reports the same counts and events as the real import")
    func dryRun() throws {
        try withScratch { s in
            s.importEnglish(1)
            let before = try #require(s.logBytes())
            let dry = s.run(["import", Samples.englishSecond, "--source", "english", "--dry-run", "--json"])
            #expect(dry.code == 0, "\(dry.err)")
            #expect(s.logBytes() == before)
            let d = dry.json()
            #expect(d["dryRun"] == .bool(true))
            #expect(d["import"] == .string("2"))
            #expect(d["counts"] == counts(0, 1, 1, 17, 1))

            let text = s.run(["import", Samples.englishSecond, "--source", "english", "--dry-run"])
            #expect(text.code == 0)
            let lines = text.out.split(separator: "\n").map(String.init)
            #expect(lines.first == "2023-01-16.tsv: would import into \"english\" as of 2023-01-16 (import 2): 0 signed, 1 renewed, 1 amended, 17 expired, 1 closed")
            #expect(lines.count == 1 + 20)
            #expect(lines.contains("  renewed: Gabes University (Tunis): validUntil: 2022 -> 2027"))
            #expect(lines.contains("  closed: Baltic International Academy (Latvia)"))
            #expect(s.logBytes() == before)

            let real = s.run(["import", Samples.englishSecond, "--source", "english", "--json"]).json()
            #expect(real["counts"] == d["counts"])
            #expect(real["import"] == d["import"])
            #expect(real["events"]?.items.map(Self.unchained) == d["events"]?.items.map(Self.unchained))
        }
    }

    @Test("--dry-run into a store that does not exist yet appends no event")
    func dryRunFreshStore() throws {
        try withScratch { s in
            let r = s.run(["import", Samples.englishFirst, "--source", "english", "--dry-run", "--json"])
            #expect(r.code == 0)
            #expect(r.json()["counts"] == counts(68, 0, 0, 0, 0))
            // The store directory may be created (the import takes its lock), but the log holds nothing.
            #expect((s.logBytes() ?? []).isEmpty)
            #expect(s.run(["log", "--json"]).json() == .object(["imports": .array([])]))
        }
    }

    @Test("several files in one call are applied in date order, as a JSON array")
    func severalFilesInDateOrder() throws {
        try withScratch { s in
            let r = s.run(["import", Samples.englishThird, Samples.englishFirst, Samples.englishSecond,
                           "--source", "english", "--json"])
            #expect(r.code == 0, "\(r.err)")
            let outcomes = r.json().items
            #expect(outcomes.map { $0.string("recorded") } == ["2022-01-17", "2023-01-16", "2023-03-01"])
            #expect(outcomes.map { $0.string("import") } == ["1", "2", "3"])
            #expect(outcomes.map { $0["counts"] } == [counts(68, 0, 0, 0, 0), counts(0, 1, 1, 17, 1), counts(0, 0, 0, 0, 0)])

            // The log is byte for byte the one three separate imports in order write.
            let log = try #require(s.logBytes())
            try withScratch { t in
                t.importEnglish(3)
                #expect(t.logBytes() == log)
            }
        }
    }

    @Test("several files in one dry run are each diffed against the ones before them")
    func severalFilesDryRun() throws {
        try withScratch { s in
            let r = s.run(["import", Samples.englishFirst, Samples.englishSecond, "--source", "english", "--dry-run", "--json"])
            #expect(r.code == 0)
            #expect(r.json().items.map { $0["counts"] } == [counts(68, 0, 0, 0, 0), counts(0, 1, 1, 17, 1)])
            #expect(r.json().items.map { $0.string("import") } == ["1", "2"])
            #expect((s.logBytes() ?? []).isEmpty)
        }
    }

    @Test("a bad file among several writes nothing at all, exit 1 naming it")
    func badFileAmongSeveral() throws {
        try withScratch { s in
            let empty = try s.write("empty.tsv", "")
            // Into a store that does not exist yet: no log appears.
            let r = s.run(["import", Samples.englishFirst, Samples.englishSecond, empty, "--source", "english"])
            #expect(r.code == 1)
            #expect(r.out == "")
            #expect(r.errLine == "ledger import: \(empty): the file is empty: there is nothing to read")
            #expect(s.logBytes() == nil)

            // Into an existing store: the log is unchanged, the good files are not imported either.
            s.importEnglish(1)
            let before = try #require(s.logBytes())
            let missing = s.root + "/nope.tsv"
            let again = s.run(["import", Samples.englishSecond, missing, Samples.englishThird, "--source", "english"])
            #expect(again.code == 1)
            #expect(again.errLine == "ledger import: \(missing): no such file")
            #expect(s.logBytes() == before)
        }
    }

    @Test("bad dates and a bad mapping are refused before anything is written")
    func refusedUpFront() throws {
        try withScratch { s in
            s.importEnglish(1)
            let before = try #require(s.logBytes())
            let r = s.run(["import", Samples.englishSecond, "--source", "english", "--as-of", "2024-13-45"])
            #expect(r.code == 2)
            #expect(r.errLine == "ledger import: --as-of needs a date as YYYY-MM-DD (got \"2024-13-45\")")
            let mapping = try s.write("m.json", "{")
            let m = s.run(["import", Samples.englishSecond, "--source", "english", "--mapping", mapping])
            #expect(m.code == 1)
            #expect(m.err.hasPrefix("ledger import: \(mapping): is not valid JSON"))
            #expect(s.logBytes() == before)
        }
    }

    @Test("--mapping reads an otherwise unmappable file for import")
    func importWithMapping() throws {
        try withScratch { s in
            let path = try s.write("odd.tsv", InspectTests.unmappable)
            let refused = s.run(["import", path, "--source", "odd", "--as-of", "2024-01-01"])
            #expect(refused.code == 1)
            #expect(refused.err.contains("no partner column found"))
            #expect(s.logBytes() == nil)
            let mapping = try s.write("m.json", #"{"Foo": "partner", "Bar": "country", "Baz": "signed"}"#)
            let r = s.run(["import", path, "--source", "odd", "--as-of", "2024-01-01", "--mapping", mapping, "--json"])
            #expect(r.code == 0, "\(r.err)")
            #expect(r.json()["counts"] == counts(2, 0, 0, 0, 0))
            #expect(r.json()["events"]?.items.map { $0.string("partner") } == ["Alpha College", "Beta School"])
        }
    }
}
