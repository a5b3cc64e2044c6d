import Testing
@testable import AgreementLedger

@Suite struct StatusVocabularyTests {
    @Test func bosnianSeedWords() {
        #expect(StatusVocabulary.status(of: "aktivan") == .active)
        #expect(StatusVocabulary.status(of: " Istekao ") == .expired)
        #expect(StatusVocabulary.status(of: "akademija zatvorena") == .closed)
        #expect(StatusVocabulary.statuses(in: "aktivan Istekao") == [.active, .expired])
        #expect(StatusVocabulary.status(of: "aktivan Istekao") == nil, "two statuses are no single status")
    }

    @Test func otherLanguages() {
        let cases: [(String, AgreementStatus)] = [
            ("Active", .active), ("in force", .active), ("Obowiązuje", .active), ("gültig", .active),
            ("en vigueur", .active), ("vigente", .active), ("GEÇERLİ", .active), ("действует", .active),
            ("Expired", .expired), ("wygasła", .expired), ("nieaktualna", .expired), ("abgelaufen", .expired),
            ("expiré", .expired), ("scaduto", .expired), ("süresi dolmuş", .expired), ("истёк", .expired),
            ("истек", .expired), ("Terminated", .closed), ("rozwiązana", .closed), ("raskinut", .closed),
            ("gekündigt", .closed), ("résilié", .closed), ("cerrado", .closed), ("feshedildi", .closed),
            ("расторгнут", .closed), ("nije aktivan", .expired), ("vazeci", .active),
        ]
        for (cell, status) in cases {
            #expect(StatusVocabulary.status(of: cell) == status, "\(cell)")
        }
    }

    @Test func emptyAndUnknownCells() {
        #expect(StatusVocabulary.status(of: "") == nil)
        #expect(StatusVocabulary.status(of: "Memorandum o razumijevanju") == nil)
        #expect(StatusVocabulary.statuses(in: "   ").isEmpty)
    }

    @Test func everyStatusCellOfTheBosnianSeedIsRecognized() throws {
        for cell in try SeedFile.column(of: "000", named: "Valjanost") where !cell.isEmpty {
            #expect(!StatusVocabulary.statuses(in: cell).isEmpty, "\(cell)")
        }
    }
}
