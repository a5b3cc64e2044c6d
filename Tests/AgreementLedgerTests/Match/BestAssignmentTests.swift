import Testing
@testable import AgreementLedger

@Suite struct BestAssignmentTests {
    @Test func prefersTheBestTotalOverFirstComeFirstServed() {
        // Row 0 fits column 0 slightly better than column 1, but row 1 fits only column 0:
        // greedy by row would give row 1 nothing.
        let scores = [[0.95, 0.9], [0.92, 0.0]]
        #expect(BestAssignment.maximize(scores).map { [$0.0, $0.1] } == [[0, 1], [1, 0]])
    }

    @Test func zeroScoresAreNeverPaired() {
        #expect(BestAssignment.maximize([[0, 0], [0, 0.9]]).map { [$0.0, $0.1] } == [[1, 1]])
        #expect(BestAssignment.maximize([]).isEmpty)
    }

    @Test func rectangularInputs() {
        let scores = [[0.9, 0.85, 0.8]]
        #expect(BestAssignment.maximize(scores).map { [$0.0, $0.1] } == [[0, 0]])
        #expect(BestAssignment.maximize([[0.9], [0.95], [0.8]]).map { [$0.0, $0.1] } == [[1, 0]])
    }

    @Test func nameSimilarityTellsTyposFromOtherPartners() {
        #expect(NameSimilarity.score("univeristy of biskra", "university of biskra") >= NameSimilarity.threshold)
        #expect(NameSimilarity.score("university of gdansk", "university of warsaw") < NameSimilarity.threshold)
    }
}
