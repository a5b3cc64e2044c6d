import Testing
@testable import AgreementLedger

@Suite struct FooterDateTests {
    @Test(arguments: [
        ("Updated on January 17, 2022", "2022-01-17"),
        ("Data aktualizacji: 02.04.2026", "2026-04-02"),
        ("Last updated 5 March 2024", "2024-03-05"),
        ("Stanje na dan 31.12.2023.", "2023-12-31"),
        ("Stand: 01.02.2025", "2025-02-01"),
        ("Stan na dzień 15 stycznia 2025", "2025-01-15"),
        ("As of 2024-06-30", "2024-06-30"),
    ])
    func footerStatesTheListDate(text: String, date: String) {
        #expect(FooterDate.asOf(inFooter: text)?.description == date)
    }

    @Test(arguments: ["Gray - Expired Agreements", "AITU agreements with the International Partners", "12.03.2024", "Updated soon"])
    func otherLinesAreNotFooters(text: String) {
        #expect(FooterDate.asOf(inFooter: text) == nil, "a footer needs both an 'as of' phrase and a full date")
    }
}
