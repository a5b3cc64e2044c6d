import Testing
@testable import AgreementLedger

@Suite struct RowSplittingTests {
    @Test func splitsOnlyIntoTheAgreedCount() {
        #expect(RowSplitting.split("A; B", into: 2) == ["A", "B"])
        #expect(RowSplitting.split("A; B; C", into: 2) == nil, "three parts are not two agreements")
        #expect(RowSplitting.split("Univerzitet u Salzburgu - zajednički ugovor X", into: 2) == ["Univerzitet u Salzburgu", "zajednički ugovor X"])
    }

    @Test func enumerations() {
        #expect(RowSplitting.enumerated("1) Murmański 2) Oddział w Apatytach") == ["Murmański", "Oddział w Apatytach"])
        #expect(RowSplitting.enumerated("Section 1) of a name") == nil)
        #expect(RowSplitting.enumerated("1) only one") == nil)
    }

    @Test func jointAgreementPrefixIsNotTheName() {
        #expect(RowSplitting.dropJointPrefix("zajednički ugovor Metalurški Institut Zenica") == "Metalurški Institut Zenica")
        #expect(RowSplitting.dropJointPrefix("Joint Agreement") == "Joint Agreement", "a name that is only the phrase stays")
    }

    @Test func kindsSplitAtCapitalizedTypeWords() {
        #expect(RowSplitting.splitKinds("Opći ugovor o saradnji Ugovor o razmjeni", into: 2) == ["Opći ugovor o saradnji", "Ugovor o razmjeni"])
        #expect(RowSplitting.kindCount("Opći ugovor o akademskoj saradnji") == 1)
    }
}
