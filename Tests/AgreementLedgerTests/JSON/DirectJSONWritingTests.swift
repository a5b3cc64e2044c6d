import Testing
@testable import AgreementLedger

/// The serializers that write bytes directly (event lines, `status --json`) must give exactly what the JSON
/// tree and `description`s give, including the edges the samples do not reach.
@Suite struct DirectJSONWritingTests {
    @Test func decimalsAreWhatStringWrites() {
        for value in [0, 1, 9, 10, 11, 99, 100, 12_345, 999_999_999, Int.max, -1, -10, -12_345, Int.min] {
            var out: [UInt8] = []
            out.appendDecimal(value)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
        for (value, width, text) in [(7, 2, "07"), (12, 2, "12"), (123, 2, "123"), (5, 4, "0005"), (2024, 4, "2024"),
                                     (0, 4, "0000"), (-5, 4, "00-5"), (12_345, 4, "12345")] {
            var out: [UInt8] = []
            out.appendDecimal(value, width: width)
            #expect(String(decoding: out, as: UTF8.self) == text, "\(value) in \(width)")
        }
    }

    @Test func datesAreTheirDescriptions() {
        let dates = [PartialDate(year: 2024), PartialDate(year: 2024, month: 2), PartialDate(year: 2024, month: 2, day: 29),
                     PartialDate(year: 999, month: 12, day: 1), PartialDate(year: 10_000, month: 1, day: 31),
                     PartialDate(year: 5)].compactMap { $0 }
        #expect(dates.count >= 4)
        for d in dates {
            var out: [UInt8] = []
            d.appendDescription(to: &out)
            #expect(String(decoding: out, as: UTF8.self) == d.description)
        }
    }

    @Test func anEscapeIsFoundAtEveryPlaceAndOnlyThere() {
        func simple(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        // Every byte value at every place of strings of 0 to 19 bytes, among bytes that need no escape
        // (including those just above the special ones and the multi-byte range).
        var wrong: [[UInt8]] = []
        var escapes = 0
        for length in 0..<20 {
            for filler in [UInt8(ascii: "a"), 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xC5, 0xFF] {
                for place in 0..<max(1, length) {
                    for special in 0...255 {
                        var bytes = [UInt8](repeating: filler, count: length)
                        if length > 0 { bytes[place] = UInt8(special) }
                        let found = bytes.withUnsafeBufferPointer { JSONWriter.needsEscape($0) }
                        if found != simple(bytes) { wrong.append(bytes) }
                        if found { escapes += 1 }
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(escapes > 10_000)
    }

    @Test func spacesOfAnyLength() {
        for count in [0, 1, 63, 64, 65, 200] {
            var out: [UInt8] = [1]
            out.appendSpaces(count)
            #expect(out == [1] + Array(repeating: UInt8(ascii: " "), count: count))
            var line: [UInt8] = [1]
            line.appendLineBreak(indent: count)
            #expect(line == [1, UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: count))
        }
    }

    @Test func recordsWithEveryKindOfValueMatchTheTree() {
        var full = AgreementRecord(partner: "Uni \"Quoted\" \\ back\nslash\u{1}", row: 12,
                                   extra: ExtraCells([ExtraCells.Cell(header: "Note \"x\"", value: "tab\there"),
                                                      ExtraCells.Cell(header: "Ąćź", value: "ünï")]))
        full.country = "Bosnia and Herzegovina"
        full.countryCode = "BA"
        full.city = "Sarajevo"
        full.signed = PartialDate(year: 2019, month: 3)
        full.validUntil = PartialDate(year: 2024, month: 3, day: 31)
        full.indefinite = true
        full.term = "P5Y"
        full.status = .closed
        full.kind = "Erasmus+"
        full.reference = "12/2019"
        full.url = "https://example.org/a?b=\"c\""
        let bare = AgreementRecord(partner: "", row: 0)
        for record in [full, bare] {
            var canonical: [UInt8] = []
            record.appendJSON(to: &canonical)
            var tree: [UInt8] = []
            JSONWriter.appendCanonical(record.json, to: &tree)
            #expect(canonical == tree)
            let state = AgreementState(id: "3f2a9c01b7de", source: "a \"source\"", record: record, state: .expired,
                                       firstSeq: 1, lastRecorded: PartialDate(year: 2025, month: 1, day: 1)!)
            for level in [0, 1, 2, 5] {
                var pretty: [UInt8] = []
                state.appendPrettyJSON(to: &pretty, level: level)
                var expected: [UInt8] = []
                JSONWriter.appendPretty(state.json, to: &expected, level: level)
                #expect(pretty == expected, "level \(level)")
                // The same bytes into a buffer that must grow many times over.
                var buffer = ByteBuffer(capacity: 16)
                state.appendPrettyJSON(to: &buffer, level: level)
                #expect(buffer.withBytes { Array($0) } == expected, "level \(level), into a ByteBuffer")
            }
        }
    }
}
