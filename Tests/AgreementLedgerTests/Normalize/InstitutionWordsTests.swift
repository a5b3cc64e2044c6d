import Testing
@testable import AgreementLedger

/// A cell names an institution when one of its folded words is an institution word, in any supported language.
@Suite struct InstitutionWordsTests {
    @Test func aWholeFoldedWordNamesAnInstitution() {
        for name in ["Sveučilište u Zagrebu", "UNIVERSITÄT Wien", "Fachhochschule  Kärnten", "Politechnika Łódzka",
                     "Московский государственный университет", "Aalto-yliopisto", "university"] {
            #expect(InstitutionWords.names(name), "\(name)")
        }
        for place in ["Zagreb", "Universitätsklinikum", "Kraków", "", " ", "Unive rsity", "Ecoles"] {
            #expect(!InstitutionWords.names(place), "\(place)")
        }
    }

    @Test func placeholdersAreShortCellsThatMeanNothing() {
        for cell in ["", "-", "–", "—", "/", "?", "n/a", "N/A", "NA", "x", "X"] {
            #expect(TextCleaning.isPlaceholder(cell), "\(cell)")
        }
        for cell in ["na", "n/a.", "x y", "Wien", "–––", "-1"] {
            #expect(!TextCleaning.isPlaceholder(cell), "\(cell)")
        }
    }
}
