import Testing
@testable import AgreementLedger

@Suite struct HeaderDetectorTests {
    func rows(_ lines: [[String]]) -> [TextRow] {
        lines.enumerated().map { TextRow(line: $0.offset + 1, fields: $0.element) }
    }

    @Test func findsHeaderAfterBlankLinesAndTitles() throws {
        let layout = try HeaderDetector.detect(rows: rows([
            [""], ["Popis partnera 2024"], ["Univerzitet", "Država", "Datum potpisivanja", "Trajanje"], ["A", "BiH", "01/01/2020", "5 godina"],
        ]))
        #expect(layout.headerLine == 3)
        #expect(layout.roles == [.partner, .country, .signed, .term])
        #expect(layout.language == "bs")
    }

    @Test(arguments: [
        (["NAZWA UCZELNI", "KRAJ", "MIASTO", "ROK ZAWARCIA I OKRES TRWANIA"], [ColumnRole.partner, .country, .city, .signedAndTerm], "pl"),
        (["Partner University / Organisation", "Country", "Valid until", "Registration number", "No"], [.partner, .country, .validUntil, .reference, .ordinal], "en"),
        (["Hochschule", "Land", "Stadt", "Laufzeit"], [.partner, .country, .city, .term], "de"),
        (["Université", "Pays", "Ville", "Date de signature"], [.partner, .country, .city, .signed], "fr"),
        (["Universidad", "País", "Ciudad", "Fecha de firma"], [.partner, .country, .city, .signed], "es"),
        (["Üniversite", "Ülke", "Şehir", "İmza tarihi"], [.partner, .country, .city, .signed], "tr"),
        (["Университет", "Страна", "Город", "Дата подписания"], [.partner, .country, .city, .signed], "ru"),
    ])
    func vocabularyPerLanguage(header: [String], roles: [ColumnRole], language: String) throws {
        let layout = try HeaderDetector.detect(rows: rows([header, header.map { _ in "x" }]))
        #expect(layout.roles == roles, "header words of \(language) name the columns")
        #expect(layout.language == language)
    }

    @Test func runningNumberWordsOnlyCountAsTheWholeHeader() {
        #expect(HeaderVocabulary.standard.role(ofHeader: "No")?.role == .ordinal)
        #expect(HeaderVocabulary.standard.role(ofHeader: "Registration number")?.role == .reference)
    }

    @Test func unnamedColumnOfWebAddressesIsTheURL() throws {
        let layout = try HeaderDetector.detect(rows: rows([
            ["Partner", "Country", "Kolumna1", "Note"],
            ["A", "Poland", "https://a.edu/", "x"], ["B", "Poland", "www.b.pl", "y"], ["C", "Poland", "http://c.org/en", "z"],
        ]))
        #expect(layout.roles == [.partner, .country, .url, .extra])
    }

    @Test func mappingNamesColumnsByHeaderOrNumber() throws {
        let mapping = try MappingFile(json: #"{"Naziv": "partner", "3": "signed", "Napomena": "ignore"}"#)
        let layout = try HeaderDetector.detect(rows: rows([["Naziv", "Zemlja", "Kada", "Napomena"], ["A", "BiH", "2020", "n"]]), mapping: mapping)
        #expect(layout.roles == [.partner, .country, .signed, .ignore])
    }

    @Test func mappingErrorsSayWhatToFix() {
        #expect(throws: MappingError.self) { try MappingFile(json: "not json") }
        do {
            _ = try MappingFile(json: #"{"Naziv": "partnr"}"#)
            Issue.record("an unknown field must be refused")
        } catch {
            #expect(error.message.hasPrefix("unknown field \"partnr\" for \"Naziv\"; valid fields: partner, country"))
        }
    }

    /// A cell longer than a header is data: never searched for header words (a 10 MB cell would take minutes).
    @Test func aLongCellIsNeverAHeaderWord() {
        let vocabulary = HeaderVocabulary.standard
        #expect(vocabulary.role(ofHeader: "Partner university")?.role == .partner)
        let long = "Partner university " + String(repeating: "x", count: 200)
        #expect(vocabulary.role(ofHeader: long) == nil)
    }

    /// A huge first line is shown cut: each cell to 60 characters, at most 20 cells.
    @Test func theNoPartnerMessageCutsLongAndManyCells() throws {
        let cells = [String(repeating: "a", count: 10_000)] + (1...30).map { "c\($0)" }
        let rows = [TextRow(line: 1, fields: cells)]
        #expect {
            try HeaderDetector.detect(rows: rows)
        } throws: { error in
            let message = (error as? SnapshotIssue)?.message ?? ""
            return message.hasPrefix("no partner column found; the header seen was [\"\(String(repeating: "a", count: 59))…\", \"c1\"")
                && message.contains("\"c19\", … (31 cells)]") && !message.contains("c20") && message.count < 600
        }
    }

    @Test func noPartnerColumnShowsTheHeaderAndHowToMap() {
        do {
            _ = try HeaderDetector.detect(rows: rows([[""], ["Naziv", "Zemlja"], ["A", "BiH"]]))
            Issue.record("a file without a partner column must fail")
        } catch {
            #expect(error.line == 2)
            #expect(error.message == #"no partner column found; the header seen was ["Naziv", "Zemlja"]. Write a mapping such as {"Naziv": "partner"} (header text or column number -> field) to a file and pass --mapping FILE"#)
        }
    }
}
