import Testing
@testable import AgreementLedger

@Suite struct FieldScanningTests {
    /// A small deterministic generator, so the test is repeatable without global state.
    private struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func unquotedFieldsOfEveryLengthSplitLikeANaiveSplit() throws {
        var random = LCG(state: 42)
        let alphabet = Array("abcXYZ019 -./ŁódźŽ€".unicodeScalars)
        var expected: [[String]] = []
        var text = ""
        for _ in 0..<300 {
            var row: [String] = []
            for _ in 0..<(1 + random.next(6)) {
                var field = ""
                for _ in 0..<random.next(30) { field.unicodeScalars.append(alphabet[random.next(alphabet.count)]) }
                row.append(field)
            }
            expected.append(row)
            text += row.joined(separator: "\t") + ["\n", "\r\n", "\r"][random.next(3)]
        }
        let read = try DelimitedTextReader.read(Array(text.utf8), delimiter: .tab)
        #expect(read.rows.map(\.fields) == expected)
        #expect(read.rows.map(\.line) == Array(1...300))
    }
}
