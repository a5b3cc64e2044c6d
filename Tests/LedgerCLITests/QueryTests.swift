import AgreementLedger
import Foundation
@testable import LedgerCLI
import Testing

/// A minimal RFC 4180 reader for checking `status --csv`: fields, quoted fields with doubled quotes, CRLF rows.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\r\n" || c == "\n" || c == "\r" {
            row.append(field); field = ""
            rows.append(row); row = []
        } else {
            field.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

@Suite("ledger status")
struct StatusTests {
    static let agreementKeys = (InspectTests.recordFields + ["agreement", "source", "state"]).sorted()

    static func agreements(_ r: CLIResult) -> [JSONValue] { r.json()["agreements"]?.items ?? [] }

    @Test("the table lists every agreement, closed ones included, and counts the states")
    func table() throws {
        try withScratch { s in
            s.importEnglish(3)
            let r = s.run(["status"])
            #expect(r.code == 0)
            #expect(r.err == "")
            let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first?.hasPrefix("agreement     state    partner") == true)
            #expect(lines.count == 1 + 68 + 1 + 1 + 1)  // header, rows, blank, counts, final newline
            #expect(lines[lines.count - 2] == "68 agreements: 50 active, 17 expired, 1 closed")
            #expect(lines.contains { $0.contains("closed   Baltic International Academy") && $0.hasSuffix("english") })
        }
    }

    @Test("--json: at/agreements, each agreement with its id, source, state and the record fields")
    func json() throws {
        try withScratch { s in
            s.importEnglish(3)
            let r = s.run(["status", "--json"])
            #expect(r.code == 0)
            let json = r.json()
            #expect(json.keys == ["agreements", "at"])
            #expect(json["at"] == .null)
            let list = Self.agreements(r)
            #expect(list.count == 68)
            for a in list {
                #expect(a.keys == Self.agreementKeys)
                #expect(a["source"] == .string("english"))
                #expect(a.string("agreement")?.count == 12)
            }
            #expect(Set(list.compactMap { $0.string("agreement") }).count == 68)
            var states: [String: Int] = [:]
            for a in list { states[a.string("state") ?? "", default: 0] += 1 }
            #expect(states == ["active": 50, "expired": 17, "closed": 1])

            // The first agreement is the first record of the first snapshot, with its state.
            let inspected = CLI.run(["inspect", Samples.englishFirst, "--json"]).json()["records"]?.items.first
            var first = list.first?.objectValue ?? [:]
            #expect(first.removeValue(forKey: "state") == .string("active"))
            #expect(first.removeValue(forKey: "source") == .string("english"))
            #expect(first.removeValue(forKey: "agreement") != nil)
            #expect(JSONValue.object(first) == inspected)

            // What changed is current: the renewal, the corrected spelling, the expiries, the closure.
            func find(_ partner: String) -> JSONValue? { list.first { $0.string("partner") == partner } }
            #expect(find("Gabes University")?["validUntil"] == .string("2027"))
            #expect(find("Gabes University")?["state"] == .string("active"))
            #expect(find("Dzemal Bijedic University of Mostar")?["state"] == .string("active"))
            #expect(find("Dzemaal Bijedic University of Mostar") == nil)
            #expect(find("Michigan State University")?["state"] == .string("expired"))
            #expect(find("Baltic International Academy")?["state"] == .string("closed"))
        }
    }

    @Test("--csv: RFC 4180 with a header row, CRLF line ends, a name with a comma quoted")
    func csv() throws {
        try withScratch { s in
            s.importEnglish(3)
            let r = s.run(["status", "--csv"])
            #expect(r.code == 0)
            let header = "agreement,source,state,partner,country,countryCode,city,signed,validUntil,indefinite,term,status,kind,reference,url"
            #expect(r.out.hasPrefix(header + "\r\n"))
            #expect(r.out.hasSuffix("\r\n"))
            // Every line ends in CRLF: no bare LF anywhere.
            #expect(r.out.utf8.count == r.out.replacingOccurrences(of: "\r\n", with: "").utf8.count + 2 * (68 + 1))
            #expect(!r.out.replacingOccurrences(of: "\r\n", with: "").contains("\n"))

            let list = Self.agreements(s.run(["status", "--json"]))
            let sindh = try #require(list.first { $0.string("partner") == "University of Sindh, Jamshoro" })
            let id = try #require(sindh.string("agreement"))
            #expect(r.out.contains("\r\n\(id),english,expired,\"University of Sindh, Jamshoro\",Pakistan,PK,,2017-08-25,2022,false,,,,,\r\n"))

            // Read back, the CSV holds the same values as the JSON.
            let rows = parseCSV(r.out)
            #expect(rows.count == 69)
            #expect(rows.first == header.split(separator: ",").map(String.init))
            for (row, a) in zip(rows.dropFirst(), list) {
                #expect(row.count == 15)
                #expect(row[0] == a.string("agreement"))
                #expect(row[3] == a.string("partner"))
                #expect(row[8] == (a.string("validUntil") ?? ""))
            }
        }
    }

    @Test("--csv doubles quotes inside a quoted field")
    func csvQuotes() throws {
        try withScratch { s in
            let aitu = Samples.path("aitu/2025-01-15.tsv")
            #expect(s.run(["import", aitu, "--source", "aitu", "--as-of", "2025-01-15"]).code == 0)
            let r = s.run(["status", "--csv"])
            #expect(r.code == 0)
            let list = Self.agreements(s.run(["status", "--json"]))
            let educa = try #require(list.first { $0.string("partner") == "\"EDUCA\" LLP" })
            let id = try #require(educa.string("agreement"))
            #expect(r.out.contains("\r\n\(id),aitu,active,\"\"\"EDUCA\"\" LLP\",Russia,RU,St Petersburg,2025-01-10,2028-01-10,false,,,,01-25,\r\n"))
            let rows = parseCSV(r.out)
            #expect(rows.count == list.count + 1)
            #expect(zip(rows.dropFirst(), list).allSatisfy { $0.0.count == 15 && $0.0[3] == $0.1.string("partner") })
        }
    }

    @Test("--at each snapshot date equals the state right after that snapshot")
    func atEachSnapshot() throws {
        try withScratch { all in
            all.importEnglish(3)
            let dates = ["2022-01-17", "2023-01-16", "2023-03-01"]
            for (n, date) in dates.enumerated() {
                try withScratch { upTo in
                    upTo.importEnglish(n + 1)
                    let then = upTo.run(["status", "--json"])
                    let at = all.run(["status", "--at", date, "--json"])
                    #expect(at.code == 0)
                    #expect(at.json()["at"] == .string(date))
                    #expect(at.json()["agreements"] == then.json()["agreements"], "at \(date)")
                }
            }
            // Between two snapshots: the state of the earlier one. Before the first: nothing.
            let between = Self.agreements(all.run(["status", "--at", "2022-12-31", "--json"]))
            #expect(between.count == 68)
            #expect(between.allSatisfy { $0["state"] == .string("active") })
            #expect(between.contains { $0.string("partner") == "Dzemaal Bijedic University of Mostar" })
            #expect(all.run(["status", "--at", "2022-01-16", "--json"]).json()
                    == .object(["at": .string("2022-01-16"), "agreements": .array([])]))
            // The table says the same.
            #expect(all.run(["status", "--at", "2022-12-31"]).out.hasSuffix("\n68 agreements: 68 active, 0 expired, 0 closed\n"))
        }
    }

    @Test("--in-force DATE: the agreements whose validity covers DATE, by all known now")
    func inForce() throws {
        try withScratch { s in
            s.importEnglish(3)
            let r = s.run(["status", "--in-force", "2025-06-01", "--json"])
            #expect(r.code == 0)
            #expect(r.json()["inForce"] == .string("2025-06-01"))
            let list = Self.agreements(r)
            // Valid until 2025 or later, by the list: 5 end in 2025, 5 in 2026, and Gabes was renewed to 2027.
            let everything = Self.agreements(s.run(["status", "--json"]))
            let expected = everything.filter { ($0.string("validUntil").flatMap { Int($0.prefix(4)) } ?? 0) >= 2025 }
            #expect(list.count == 11)
            #expect(list == expected)
            #expect(list.contains { $0.string("partner") == "Gabes University" })
            // Nothing is in force before anything was signed.
            #expect(Self.agreements(s.run(["status", "--in-force", "2010-01-01", "--json"])).isEmpty)
        }
    }

    @Test("--state filters by state")
    func stateFilter() throws {
        try withScratch { s in
            s.importEnglish(3)
            for (state, count) in [("active", 50), ("expired", 17), ("closed", 1)] {
                let list = Self.agreements(s.run(["status", "--state", state, "--json"]))
                #expect(list.count == count, "\(state)")
                #expect(list.allSatisfy { $0["state"] == .string(state) })
            }
            let closed = Self.agreements(s.run(["status", "--state", "closed", "--json"]))
            #expect(closed.map { $0.string("partner") } == ["Baltic International Academy"])
            #expect(s.run(["status", "--state", "expired"]).out.hasSuffix("\n17 agreements: 0 active, 17 expired, 0 closed\n"))
        }
    }

    @Test("--source keeps one list; no --source lists all; an unknown source lists nothing")
    func sourceFilter() throws {
        try withScratch { s in
            s.importEnglish(1)
            #expect(s.run(["import", Samples.englishSecond, "--source", "other"]).code == 0)
            let english = Self.agreements(s.run(["status", "--source", "english", "--json"]))
            let other = Self.agreements(s.run(["status", "--source", "other", "--json"]))
            let all = Self.agreements(s.run(["status", "--json"]))
            #expect(english.count == 68)
            #expect(other.count == 67)
            #expect(all.count == 135)
            #expect(english.allSatisfy { $0["source"] == .string("english") })
            #expect(other.allSatisfy { $0["source"] == .string("other") })
            #expect(Set(all) == Set(english + other))
            #expect(s.run(["status", "--source", "nope", "--json"]).json() == .object(["at": .null, "agreements": .array([])]))
        }
    }

    @Test("a store that does not exist yet has no agreements and is not created")
    func emptyStore() throws {
        try withScratch { s in
            let r = s.run(["status", "--json"])
            #expect(r.code == 0)
            #expect(r.json() == .object(["at": .null, "agreements": .array([])]))
            #expect(s.run(["status"]).out == "agreement  state  partner  country  signed  valid until  source\n\n0 agreements: 0 active, 0 expired, 0 closed\n")
            #expect(!FileManager.default.fileExists(atPath: s.store))
        }
    }
}

@Suite("ledger history, log, summary")
struct HistoryLogSummaryTests {
    @Test("history: case- and diacritic-insensitive substring; signed then amended, oldest first")
    func historyByName() throws {
        try withScratch { s in
            s.importEnglish(3)
            let r = s.run(["history", "DZEMAL", "--json"])
            #expect(r.code == 0)
            let json = r.json()
            #expect(json.keys == ["agreements", "events", "query"])
            #expect(json["query"] == .string("DZEMAL"))
            let ids = json["agreements"]?.items ?? []
            #expect(ids.count == 1)
            let id = try #require(ids.first?.stringValue)
            let events = json["events"]?.items ?? []
            #expect(events.map { $0.string("type") } == ["signed", "amended"])
            #expect(events.map { $0.string("recorded") } == ["2022-01-17", "2023-01-16"])
            #expect(events.allSatisfy { $0.string("agreement") == id })
            #expect(events.map { $0.string("partner") } == ["Dzemaal Bijedic University of Mostar", "Dzemal Bijedic University of Mostar"])
            #expect(events.last?["changes"] == .object(["partner": .object([
                "from": .string("Dzemaal Bijedic University of Mostar"), "to": .string("Dzemal Bijedic University of Mostar")])]))

            let text = s.run(["history", "DZEMAL"])
            #expect(text.out == """
                \(id)  Dzemal Bijedic University of Mostar  [english]
                  2022-01-17  signed    Dzemaal Bijedic University of Mostar (Bosnia and Herzegovina): signed 2018-01-31, valid until 2023
                  2023-01-16  amended   Dzemal Bijedic University of Mostar (Bosnia and Herzegovina): partner: Dzemaal Bijedic University of Mostar -> Dzemal Bijedic University of Mostar

                """)

            // The same agreement by any of its names, with or without diacritics, and by its id.
            for query in ["dzemaal", "Džemal bijedić", "bijedic university OF mostar", id] {
                let q = s.run(["history", query, "--json"]).json()
                #expect(q["agreements"] == .array([.string(id)]), "\(query)")
                #expect(q["events"] == json["events"], "\(query)")
            }
            // Diacritics in the data: "-Aïn Temouchent" is found without them.
            let ain = s.run(["history", "AIN TEMOUCHENT", "--json"]).json()
            #expect(ain["events"]?.items.map { $0.string("partner") } == ["Centre Universitaire Belhadj Bouchaib -Aïn Temouchent"])
        }
    }

    @Test("history of a common word lists every matching agreement's events in log order; no match says so")
    func historyBroad() throws {
        try withScratch { s in
            s.importEnglish(2)
            let json = s.run(["history", "azerbaijan", "--json"]).json()
            let events = json["events"]?.items ?? []
            let seqs = events.compactMap { $0.int("seq") }
            #expect(seqs == seqs.sorted())
            #expect(seqs.count == events.count)
            #expect((json["agreements"]?.items.count ?? 0) >= 10)

            let none = s.run(["history", "zzzz"])
            #expect(none.code == 0)
            #expect(none.out == "No agreement matches \"zzzz\".\n")
            #expect(s.run(["history", "zzzz", "--json"]).json()
                    == .object(["query": .string("zzzz"), "agreements": .array([]), "events": .array([])]))
        }
    }

    @Test("log --json: one entry per import with file, checksum and counts; --source filters")
    func log() throws {
        try withScratch { s in
            s.importEnglish(3)
            #expect(s.run(["import", Samples.englishFirst, "--source", "other"]).code == 0)
            let r = s.run(["log", "--json"])
            #expect(r.code == 0)
            let json = r.json()
            #expect(json.keys == ["imports"])
            let imports = json["imports"]?.items ?? []
            #expect(imports.count == 4)
            for e in imports { #expect(e.keys == ["counts", "file", "import", "recorded", "sha256", "source"]) }
            #expect(imports.map { $0.string("import") } == ["1", "2", "3", "4"])
            #expect(imports.map { $0.string("source") } == ["english", "english", "english", "other"])
            #expect(imports.map { $0.string("recorded") } == ["2022-01-17", "2023-01-16", "2023-03-01", "2022-01-17"])
            #expect(imports.map { $0.string("file") } == ["2022-01-17.tsv", "2023-01-16.tsv", "2023-03-01.csv", "2022-01-17.tsv"])
            #expect(imports.map { $0["counts"] } == [counts(68, 0, 0, 0, 0), counts(0, 1, 1, 17, 1), counts(0, 0, 0, 0, 0), counts(68, 0, 0, 0, 0)])
            for (e, path) in zip(imports, Samples.english + [Samples.englishFirst]) {
                var hasher = SHA256()
                hasher.update(Samples.bytes(path))
                #expect(e.string("sha256") == SHA256.hex(of: hasher.finalize()))
            }
            let other = s.run(["log", "--source", "other", "--json"]).json()["imports"]?.items ?? []
            #expect(other.map { $0.string("import") } == ["4"])

            let table = s.run(["log"]).out.split(separator: "\n").map(String.init)
            #expect(table.count == 5)
            #expect(table.first?.hasPrefix("import  source   recorded    file            signed  renewed  amended  expired  closed  sha256") == true)
            #expect(table[2].hasPrefix("2       english  2023-01-16  2023-01-16.tsv  0       1        1        17       1       "))
        }
    }

    @Test("summary: Markdown headed per event type, from -> to on the amended line; --last is the default")
    func summaryMarkdown() throws {
        try withScratch { s in
            s.importEnglish(2)
            let r = s.run(["summary"])
            #expect(r.code == 0)
            #expect(r.err == "")
            let md = r.out
            #expect(md.hasPrefix("## Partner agreements: changes in \"english\" as of 2023-01-16\n\nImport 2 of `2023-01-16.tsv`: 0 signed, 1 renewed, 1 amended, 17 expired, 1 closed.\n"))
            #expect(md.contains("\n### Renewed (1)\n\n- Gabes University (Tunis): validUntil: 2022 -> 2027\n"))
            #expect(md.contains("\n### Amended (1)\n\n- Dzemal Bijedic University of Mostar (Bosnia and Herzegovina): partner: Dzemaal Bijedic University of Mostar -> Dzemal Bijedic University of Mostar\n"))
            #expect(md.contains("\n### Expired (17)\n\n- Al-Neelain University (Sudan): valid until 2022\n"))
            #expect(md.contains("\n### Closed (no longer in the list, or stated closed) (1)\n\n- Baltic International Academy (Latvia)\n"))
            #expect(!md.contains("### New agreements"))
            let headings = md.split(separator: "\n").filter { $0.hasPrefix("### ") }
            #expect(headings.count == 4)
            #expect(md.split(separator: "\n").filter { $0.hasPrefix("- ") }.count == 20)
            #expect(s.run(["summary", "--last"]).out == md)
            #expect(s.run(["summary", "2"]).out == md)

            let first = s.run(["summary", "1"]).out
            #expect(first.contains("\n### New agreements (68)\n\n- Ivane Javakhishvili Tbilisi State University (Georgia): signed 2018-01, valid until 2023\n"))
        }
    }

    @Test("summary --format json (and --json): the import, its counts and its changes by type")
    func summaryJSON() throws {
        try withScratch { s in
            s.importEnglish(3)
            let r = s.run(["summary", "2", "--format", "json"])
            #expect(r.code == 0)
            let json = r.json()
            #expect(json.keys == ["changes", "counts", "file", "import", "recorded", "source"])
            #expect(json["import"] == .string("2"))
            #expect(json["file"] == .string("2023-01-16.tsv"))
            #expect(json["recorded"] == .string("2023-01-16"))
            #expect(json["source"] == .string("english"))
            #expect(json["counts"] == counts(0, 1, 1, 17, 1))
            let changes = json["changes"] ?? .null
            #expect(changes.keys == ["amended", "closed", "expired", "renewed", "signed"])
            #expect(changes["signed"] == .array([]))
            #expect(changes["expired"]?.items.count == 17)
            let amended = changes["amended"]?.items ?? []
            #expect(amended.count == 1)
            #expect(amended.first?["partner"] == .string("Dzemal Bijedic University of Mostar"))
            #expect(amended.first?["line"] == .string("Dzemal Bijedic University of Mostar (Bosnia and Herzegovina): partner: Dzemaal Bijedic University of Mostar -> Dzemal Bijedic University of Mostar"))
            #expect(amended.first?["changes"] == .object(["partner": .object([
                "from": .string("Dzemaal Bijedic University of Mostar"), "to": .string("Dzemal Bijedic University of Mostar")])]))
            #expect(s.run(["summary", "2", "--json"]).json() == json)

            // The default is the latest import: the CSV re-export, which changed nothing.
            let last = s.run(["summary", "--json"]).json()
            #expect(last["import"] == .string("3"))
            #expect(last["counts"] == counts(0, 0, 0, 0, 0))
            #expect(s.run(["summary"]).out.hasSuffix("\nNo changes.\n"))
        }
    }

    @Test("summary of an unknown import, or of an empty store: exit 1")
    func summaryErrors() throws {
        try withScratch { s in
            let empty = s.run(["summary"])
            #expect(empty.code == 1)
            #expect(empty.out == "")
            #expect(empty.errLine == "ledger summary: no imports yet in \(s.store)")
            s.importEnglish(1)
            let r = s.run(["summary", "999"])
            #expect(r.code == 1)
            #expect(r.out == "")
            #expect(r.errLine == "ledger summary: no import \"999\" in \(s.store) (see 'ledger log')")
        }
    }
}
