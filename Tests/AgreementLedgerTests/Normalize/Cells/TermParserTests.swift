import Testing
@testable import AgreementLedger

private func y(_ year: Int) -> PartialDate { PartialDate(year: year)! }

private func signedAndTerm(_ cell: String) -> TermParse { TermParser.parseSignedAndTerm(cell, order: .dayFirst) }

@Suite struct TermParserDurationTests {
    @Test func bosnianDurationWords() {
        #expect(TermParser.parseDuration("Nije navedeno").segments == [TermSegment(notStated: true)])
        #expect(TermParser.parseDuration("Neodređeno").segments == [TermSegment(indefinite: true)])
        #expect(TermParser.parseDuration("neodredeno").segments == [TermSegment(indefinite: true)])
        #expect(TermParser.parseDuration("5 godina").segments == [TermSegment(term: "P5Y")])
        #expect(TermParser.parseDuration("3 godine").segments == [TermSegment(term: "P3Y")])
        #expect(TermParser.parseDuration(" 1  godina ").segments == [TermSegment(term: "P1Y")])
    }

    @Test func twoTermsInOneCellAreTwoSegments() {
        let parse = TermParser.parseDuration("Neodređeno 1 godina")
        #expect(parse.segments == [TermSegment(indefinite: true), TermSegment(term: "P1Y")])
        #expect(parse.warnings.isEmpty)
    }

    @Test func permanentAndEmpty() {
        #expect(TermParser.parseDuration("Permanent").segments == [TermSegment(indefinite: true)])
        #expect(TermParser.parseDuration("") == TermParse())
        #expect(TermParser.parseDuration("   ") == TermParse())
        #expect(TermParser.parseDuration("-") == TermParse(), "a lone dash is an empty cell")
    }

    @Test func academicYearIsAnEndWithAWarning() {
        let parse = TermParser.parseDuration("Akademski 2016/2017")
        #expect(parse.segments == [TermSegment(validUntil: y(2017))])
        #expect(parse.warnings.count == 1)
        #expect(TermParser.parseDuration("academic year 2016/2017").segments == [TermSegment(validUntil: y(2017))])
        #expect(TermParser.parseDuration("rok akademicki 2016/17").segments == [TermSegment(validUntil: y(2017))])
    }

    @Test func plusFormsKeepTheNumberAndWarn() {
        let five = TermParser.parseDuration("5+")
        #expect(five.segments == [TermSegment(term: "P5Y")])
        #expect(five.warnings.count == 1 && five.warnings[0].contains("+"))
        #expect(TermParser.parseDuration("4+").segments == [TermSegment(term: "P4Y")])
        let sum = TermParser.parseDuration("3+5 godina")
        #expect(sum.segments == [TermSegment(term: "P8Y")])
        #expect(sum.warnings == ["'3+5 godina' read as 3+5 = 8 years"])
    }

    @Test func otherLanguagesAndUnits() {
        #expect(TermParser.parseDuration("6 months").segments == [TermSegment(term: "P6M")])
        #expect(TermParser.parseDuration("6 mjeseci").segments == [TermSegment(term: "P6M")])
        #expect(TermParser.parseDuration("3 years").segments == [TermSegment(term: "P3Y")])
        #expect(TermParser.parseDuration("5-year").segments == [TermSegment(term: "P5Y")])
        #expect(TermParser.parseDuration("2 Jahre").segments == [TermSegment(term: "P2Y")])
        #expect(TermParser.parseDuration("4 лет").segments == [TermSegment(term: "P4Y")])
        #expect(TermParser.parseDuration("Unbefristet").segments == [TermSegment(indefinite: true)])
        #expect(TermParser.parseDuration("бессрочно").segments == [TermSegment(indefinite: true)])
        #expect(TermParser.parseDuration("SÜRESİZ").segments == [TermSegment(indefinite: true)])
        #expect(TermParser.parseDuration("until terminated").segments == [TermSegment(indefinite: true)])
        #expect(TermParser.parseDuration("not specified").segments == [TermSegment(notStated: true)])
        #expect(TermParser.parseDuration("N/A").segments == [TermSegment(notStated: true)])
        #expect(TermParser.parseDuration("Nie określono").segments == [TermSegment(notStated: true)])
    }

    @Test func combinedDurationsAndEndMarkers() {
        #expect(TermParser.parseDuration("3 godine, 6 mjeseci").segments == [TermSegment(term: "P3Y6M")])
        #expect(TermParser.parseDuration("2 years and 6 months").segments == [TermSegment(term: "P2Y6M")])
        #expect(TermParser.parseDuration("Valid until 2025").segments == [TermSegment(validUntil: y(2025))])
        #expect(TermParser.parseDuration("važi do 2024").segments == [TermSegment(validUntil: y(2024))])
        #expect(TermParser.parseDuration("5 godina (automatski produženo)").segments == [TermSegment(term: "P5Y")])
    }

    @Test func datesInAValidityCellAreEnds() {
        #expect(TermParser.parseDuration("2023").segments == [TermSegment(validUntil: y(2023))])
        #expect(TermParser.parseDuration("12/24/2024").segments
                == [TermSegment(validUntil: PartialDate(year: 2024, month: 12, day: 24))])
        let ambiguous = TermParser.parseDuration("2/12/2025")
        #expect(ambiguous.segments.isEmpty && ambiguous.warnings.count == 1, "day and month could be swapped")
        #expect(TermParser.parseDuration("2/12/2025", order: .monthFirst).segments
                == [TermSegment(validUntil: PartialDate(year: 2025, month: 2, day: 12))])
    }

    @Test func everyDurationCellOfTheBosnianSeedReads() throws {
        for cell in try SeedFile.column(of: "000", named: "Trajanje") where !cell.isEmpty {
            let parse = TermParser.parseDuration(cell)
            #expect(!parse.segments.isEmpty, "\(cell)")
            #expect(parse.segments.allSatisfy { $0.kind == nil }, "\(cell)")
        }
    }
}

@Suite struct TermParserSignedAndTermTests {
    @Test func yearAndIndefinite() {
        #expect(signedAndTerm("2017 na czas nieokreślony").segments == [TermSegment(signed: y(2017), indefinite: true)])
        #expect(signedAndTerm("2019").segments == [TermSegment(signed: y(2019))])
    }

    @Test func yearRanges() {
        for (cell, a, b) in [("2024-2029", 2024, 2029), ("2025 - 2030", 2025, 2030), ("2025- 2030", 2025, 2030),
                             ("2026 -2031", 2026, 2031)] {
            let parse = signedAndTerm(cell)
            #expect(parse.segments == [TermSegment(signed: y(a), validUntil: y(b))], "\(cell)")
            #expect(parse.warnings.isEmpty)
        }
    }

    @Test func renewalNotesAreDropped() {
        #expect(signedAndTerm("2025 - 2030 (automatycznie przedłużona)").segments
                == [TermSegment(signed: y(2025), validUntil: y(2030))])
        #expect(signedAndTerm("2025-na czas nieokreślony (automatycznie)").segments
                == [TermSegment(signed: y(2025), indefinite: true)])
        #expect(signedAndTerm("2008 - na 5 lat automatycznie przedłużana").segments
                == [TermSegment(signed: y(2008), term: "P5Y")])
        #expect(signedAndTerm("2020 - 2025 (automatically renewed)").segments
                == [TermSegment(signed: y(2020), validUntil: y(2025))])
    }

    @Test func dashedIndefinite() {
        for (cell, year) in [("2015 - na czas nieokreślony", 2015), ("2024 - czas nieokreślony", 2024),
                             ("2025- czas nieokreślony", 2025)] {
            #expect(signedAndTerm(cell).segments == [TermSegment(signed: y(year), indefinite: true)], "\(cell)")
        }
    }

    @Test func lettersOfIntentAreKindsAsWritten() {
        for (cell, year, kind) in [("2014 List Intencyjny", 2014, "List Intencyjny"),
                                   ("2011 list intencyjny", 2011, "list intencyjny"),
                                   ("2009 - list intencyjny", 2009, "list intencyjny"),
                                   ("2001 - List intencyjny", 2001, "List intencyjny")] {
            let parse = signedAndTerm(cell)
            #expect(parse.segments == [TermSegment(signed: y(year), kind: kind)], "\(cell)")
            #expect(parse.warnings.isEmpty)
        }
    }

    @Test func twoAgreementsInOneCell() {
        #expect(signedAndTerm(
            "2016 na czas nieokreślony oraz 2025 na czas nieokreślony (okres obowiązywania przedłużony co 4 lata)"
        ).segments == [TermSegment(signed: y(2016), indefinite: true), TermSegment(signed: y(2025), indefinite: true)])
        #expect(signedAndTerm("2019 na czas nieokreślony; 2025 - 2030").segments
                == [TermSegment(signed: y(2019), indefinite: true), TermSegment(signed: y(2025), validUntil: y(2030))])
        #expect(signedAndTerm("2012 na czas nieokreślony 2015 na 5 lat z automatycznym przedłużeniem").segments
                == [TermSegment(signed: y(2012), indefinite: true), TermSegment(signed: y(2015), term: "P5Y")])
        #expect(signedAndTerm("2003 na czas nieokreślony (umowa o współpracy); 2024 na czas nieokreślony (M&U)").segments
                == [TermSegment(signed: y(2003), indefinite: true, kind: "umowa o współpracy"),
                    TermSegment(signed: y(2024), indefinite: true, kind: "M&U")])
        #expect(signedAndTerm(
            "2015 na czas nieokreślony; 2025-2030 - umowa o współpracy naukowej, kulturalnej i edukacyjnej"
        ).segments == [TermSegment(signed: y(2015), indefinite: true),
                       TermSegment(signed: y(2025), validUntil: y(2030),
                                   kind: "umowa o współpracy naukowej, kulturalnej i edukacyjnej")])
        #expect(signedAndTerm("MoU - 2026 -2031; umowa dotycząca wymian 2026 - na czas nieokreślony").segments
                == [TermSegment(signed: y(2026), validUntil: y(2031), kind: "MoU"),
                    TermSegment(signed: y(2026), indefinite: true, kind: "umowa dotycząca wymian")])
        #expect(signedAndTerm("2016 na czas nieokreślony and 2020 - 2025").segments.count == 2)
    }

    @Test func aPartWithoutYearOrTermDescribesThePreviousAgreement() {
        #expect(signedAndTerm("2025 - 2030; student exchange agreement").segments
                == [TermSegment(signed: y(2025), validUntil: y(2030), kind: "student exchange agreement")])
        #expect(signedAndTerm("2026 - na czas nieokreślony (MoU oraz umowa dot. wymian)").segments
                == [TermSegment(signed: y(2026), indefinite: true, kind: "MoU oraz umowa dot. wymian")])
    }

    @Test func codesInsteadOfYearsAndUnfinishedTermsWarn() {
        let parse = signedAndTerm("ZV15 List Intencyjny; ZV14 na czas")
        #expect(parse.segments == [TermSegment(kind: "List Intencyjny"), TermSegment()])
        #expect(parse.warnings.contains { $0.contains("ZV15") })
        #expect(parse.warnings.contains { $0.contains("ZV14") })
        #expect(parse.warnings.contains { $0.contains("na czas") })

        let second = signedAndTerm("2005 na czas nieokreślony; ZV25-na czas")
        #expect(second.segments == [TermSegment(signed: y(2005), indefinite: true), TermSegment()])
        #expect(second.warnings.contains { $0.contains("ZV25") })
        #expect(second.warnings.contains { $0.contains("na czas") })
    }

    @Test func fullDateAsSigning() {
        #expect(signedAndTerm("12.03.2019 na 5 lat").segments
                == [TermSegment(signed: PartialDate(year: 2019, month: 3, day: 12), term: "P5Y")])
    }

    @Test func everyTermCellOfThePolishSeedHasASegment() throws {
        for cell in try SeedFile.column(of: "001", named: "ROK ZAWARCIA I OKRES TRWANIA") where !cell.isEmpty {
            let parse = signedAndTerm(cell)
            #expect(!parse.segments.isEmpty, "\(cell)")
            if !cell.contains("ZV") {
                #expect(parse.segments.allSatisfy { $0.signed != nil }, "\(cell)")
                #expect(parse.warnings.isEmpty, "\(cell): \(parse.warnings)")
            }
        }
    }
}
