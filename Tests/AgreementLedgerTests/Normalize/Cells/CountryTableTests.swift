import Testing
@testable import AgreementLedger

@Suite struct CountryTableTests {
    let table = CountryTable.shared

    @Test func dataCoversEveryCountryWithoutConflicts() {
        #expect(table.allCodes.count == 250, "249 ISO 3166-1 codes plus XK")
        #expect(table.allCodes.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isUppercase) })
        #expect(table.conflicts.isEmpty, "names claimed by two codes: \(table.conflicts)")
    }

    @Test func tableLinesWithoutACodeOrNamesAreSkipped() {
        let table = CountryTable(data: "AA\tAlpha|Alfa\n\nBB\t\n\tOrphan\nno tab here\nCC\tCee|Čé\n")
        #expect(table.allCodes == ["AA", "CC"])
        #expect(table.code(for: "alfa") == "AA" && table.code(for: "ALPHA") == "AA" && table.code(for: "ce") == "CC")
        #expect(table.code(for: "Orphan") == nil && table.code(for: "no tab here") == nil)
    }

    @Test func namesFromTheBrief() {
        let expected: [(String, String)] = [
            ("BiH", "BA"), ("Bosna i Hercegovina", "BA"), ("Bośnia i Hercegowina", "BA"), ("USA", "US"),
            ("UK", "GB"), ("Türkiye", "TR"), ("Turkey", "TR"), ("Turska", "TR"), ("Turcja", "TR"),
            ("Czechia", "CZ"), ("Czech Republic", "CZ"), ("Czechy", "CZ"), ("South Korea", "KR"),
            ("Korea Południowa", "KR"), ("Hong Kong", "HK"), ("Tunis", "TN"), ("Macedonia", "MK"),
            ("Makedonija", "MK"), ("Njemačka", "DE"), ("Niemcy", "DE"),
            ("Arabia Saudyjska (Królestwo Arabii Saudyjskiej)", "SA"), ("Kurdystan (Region Kurdystanu)", "IQ"),
            ("Kosowo (Republika Kosowa)", "XK"), ("Wielka Brytania - Brytyjskie Wyspy Dziewicze", "VG"),
            ("Republika Zielonego Przylądka", "CV"), ("Palestine", "PS"), ("izrael", "IL"), ("Algieria", "DZ"),
            ("Bahrain", "BH"), ("Egipat", "EG"), ("Paragvaj", "PY"), ("Azerbejdžan", "AZ"), ("Kina", "CN"),
            ("Mađarska", "HU"), ("Litvanija", "LT"), ("Bahrajn (Królestwo Bahrajnu)", "BH"),
        ]
        for (name, code) in expected {
            #expect(table.code(for: name) == code, "\(name)")
        }
    }

    @Test func matchingIgnoresCaseDiacriticsSpacingAndArticles() {
        #expect(table.code(for: "  madjarska ") == "HU")
        #expect(table.code(for: "MAĐARSKA") == "HU")
        #expect(table.code(for: "Madarska") == "HU")
        #expect(table.code(for: "the  Netherlands") == "NL")
        #expect(table.code(for: "Republic of Serbia") == "RS")
        #expect(table.code(for: "Österreich") == "AT")
        #expect(table.code(for: "Германия") == "DE")
        #expect(table.code(for: "Côte d’Ivoire") == "CI")
        #expect(table.code(for: "Almanya") == "DE")
        #expect(table.code(for: "St. Kitts & Nevis") == "KN")
        #expect(table.code(for: "Hong Kong, China") == "HK")
        #expect(table.code(for: "Taiwan, Province of China") == "TW")
        #expect(table.code(for: "") == nil)
        #expect(table.code(for: "Atlantis") == nil)
    }

    @Test func cellsNamingSeveralCountriesSplit() {
        #expect(table.splitCountries("Austrija BiH") == ["Austrija", "BiH"])
        #expect(table.splitCountries("Italija; Grčka") == ["Italija", "Grčka"])
        #expect(table.splitCountries("Germany, France and Italy") == ["Germany", "France", "Italy"])
        #expect(table.splitCountries("Bosna i Hercegovina") == nil, "one country is no split")
        #expect(table.splitCountries("Austrija Atlantis") == nil)
        #expect(table.splitCountries("") == nil)
    }

    @Test func everyCountryCellOfTheSeedsResolves() throws {
        let columns = [("000", "Država"), ("001", "KRAJ"), ("002", "Country"), ("003", "COUNTRY")]
        var seen = Set<String>()
        for (seed, header) in columns {
            for cell in try SeedFile.column(of: seed, named: header) {
                let trimmed = CellText.collapsed(cell)
                guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { continue }
                let resolves = table.code(for: trimmed) != nil
                    || (table.splitCountries(trimmed)?.allSatisfy { table.code(for: $0) != nil } ?? false)
                #expect(resolves, "seed \(seed): \(trimmed)")
            }
        }
        #expect(seen.count > 100)
    }
}
