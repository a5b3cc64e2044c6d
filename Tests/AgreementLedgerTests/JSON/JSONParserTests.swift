import Testing
@testable import AgreementLedger

@Suite struct JSONParserTests {
    static let tricky: [String] = [
        "", "plain", "quote \" inside", "back\\slash", "both \\\" mixed", "tab\there", "new\nline", "cr\r",
        "\u{0}\u{1}\u{1F}\u{7F}", "bell\u{8}form\u{C}", "é à ü ł ş Ç", "東京大学", "emoji 😀👩‍🎓", "/slash/",
        "\u{2028}\u{2029}", "key\"with:colon,comma",
    ]

    @Test func roundTripsCanonicalOutput() throws {
        var object: [String: JSONValue] = [:]
        for (n, s) in Self.tricky.enumerated() { object[s] = .string(s + "\(n)") }
        let value = JSONValue.object([
            "strings": .array(Self.tricky.map(JSONValue.string)),
            "keys": .object(object),
            "numbers": .array([.int(0), .int(-1), .int(42), .int(Int.max), .int(Int.min)]),
            "literals": .array([.null, .bool(true), .bool(false)]),
            "nested": .array([.array([]), .object([:]), .array([.object(["a": .array([.null])])])]),
        ])
        let text = JSONWriter.canonical(value)
        let parsed = try JSONParser.parse(text)
        #expect(parsed == value)
        #expect(JSONWriter.canonical(parsed) == text)
        #expect(try JSONParser.parse(Array(text.utf8)) == value)
        let padded = Array("  \n\(text)\t\r\n ".utf8)
        #expect(try JSONParser.parse(padded[...]) == value)
        #expect(try JSONParser.parse(JSONWriter.pretty(value)) == value)
    }

    @Test func decodesEveryEscape() throws {
        #expect(try JSONParser.parse(#""\" \\ \/ \b \f \n \r \t""#) == .string("\" \\ / \u{8} \u{C} \n \r \t"))
        #expect(try JSONParser.parse(#""\u00e9\u00C9\u0000""#) == .string("éÉ\u{0}"))
        #expect(try JSONParser.parse(#""\ud83d\ude00 ok""#) == .string("😀 ok"))
        #expect(try JSONParser.parse(#""\u6771\u4EAC""#) == .string("東京"))
        #expect(try JSONParser.parse(#""mixed é \n 😀""#) == .string("mixed é \n 😀"))
    }

    @Test func parsesIntegerBounds() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .int(Int.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .int(Int.min))
        #expect(try JSONParser.parse("-0") == .int(0))
        #expect(try JSONParser.parse(" 17 ") == .int(17))
    }

    /// (input, offset, a word of the message)
    static let malformed: [(String, Int, String)] = [
        ("", 0, "empty"),
        ("   ", 3, "end of input"),
        (#"{"a":1,}"#, 7, "key"),
        ("[1 2]", 3, "expected ','"),
        ("[1,]", 3, "expected a value"),
        (#"{"a":1.5}"#, 5, "non-integer"),
        ("1e3", 0, "non-integer"),
        ("-2.0", 0, "non-integer"),
        ("9223372036854775808", 0, "out of range"),
        ("-9223372036854775809", 0, "out of range"),
        ("123456789012345678901234567890", 0, "out of range"),
        ("01", 0, "leading zero"),
        ("-", 1, "digit"),
        ("+1", 0, "unexpected"),
        (#"{"a":1,"a":2}"#, 7, "duplicate key \"a\""),
        (#""abc"#, 0, "unterminated"),
        ("tru", 0, "true"),
        ("nul", 0, "null"),
        ("1 x", 2, "after the JSON value"),
        ("{} {}", 3, "after the JSON value"),
        (#"{"a" 1}"#, 5, "':'"),
        (#"{a:1}"#, 1, "string key"),
        ("\"tab\there\"", 4, "control character"),
        (#""\x""#, 1, "invalid escape"),
        (#""\u12""#, 3, "\\u"),
        (#""\ud83d""#, 1, "surrogate"),
        (#""\ud83d\u0041""#, 1, "surrogate"),
        (#""\ude00""#, 1, "surrogate"),
        ("[1,2", 4, "end of input"),
        ("'a'", 0, "unexpected"),
        ("NaN", 0, "unexpected"),
    ]

    @Test(arguments: malformed)
    func reportsOffsetOfMalformedInput(input: String, offset: Int, word: String) {
        #expect {
            _ = try JSONParser.parse(input)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.offset == offset && error.message.contains(word)
        }
    }

    @Test func refusesInvalidUTF8() {
        let inputs: [([UInt8], Int)] = [
            ([0x22, 0xFF, 0x22], 1),
            ([0x22, 0x61, 0xC3, 0x22], 2),  // truncated 2-byte sequence
            ([0x22, 0xC0, 0xAF, 0x22], 1),  // overlong
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
            ([0x22, 0x5C, 0x6E, 0xE2, 0x82, 0x22], 3),  // after an escape
        ]
        for (bytes, offset) in inputs {
            #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
            do {
                _ = try JSONParser.parse(bytes)
            } catch {
                #expect(error.offset == offset, "\(bytes)")
                #expect(error.message.contains("UTF-8"))
            }
        }
    }

    @Test func refusesExcessiveNesting() throws {
        let ok = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        _ = try JSONParser.parse(ok)
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func errorDescriptionNamesTheByte() {
        #expect(JSONParseError(offset: 12, message: "duplicate key \"seq\"").description == "byte 12: duplicate key \"seq\"")
    }
}

/// The canonical mode the log verifier uses: only `JSONWriter.canonical`'s exact output is accepted.
@Suite struct CanonicalJSONParserTests {
    private func parseCanonical(_ text: String) throws(JSONParseError) -> (value: JSONValue, hashMember: Range<Int>?) {
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try JSONParser.parseCanonical(buffer) }
        }
        return try result.get()
    }

    @Test func acceptsWriterOutput() throws {
        let value = JSONValue.object([
            "a": .array(JSONParserTests.tricky.map(JSONValue.string)),
            "b": .object(["z": .int(-5), "y": .null, "é": .bool(true), "\"": .int(0)]),
        ])
        let text = JSONWriter.canonical(value)
        #expect(try parseCanonical(text).value == value)
    }

    @Test(arguments: [
        #"{"b":1,"a":2}"#, #"{"a": 1}"#, #" {"a":1}"#, #"{"a":1} "#, "[1, 2]", "-0", #""\/""#, #""\u0041""#,
        #""\u001F""#, #""\u000a""#, #""\u00e9""#, #""\ud83d\ude00""#, #"{"a":1,"a":2}"#,
    ])
    func refusesAnythingElse(text: String) {
        #expect(throws: JSONParseError.self) { try parseCanonical(text) }
    }

    @Test func flagsCanonicalViolationsApartFromSyntaxErrors() {
        for (text, canonical) in [(#"{"b":1,"a":2}"#, true), (#"{"a": 1}"#, true), (#"{"a":1"#, false), ("[1,]", false)] {
            do {
                _ = try parseCanonical(text)
                Issue.record("\(text) parsed")
            } catch {
                #expect(error.isCanonicalViolation == canonical, "\(text)")
            }
        }
    }

    @Test func locatesTheTopLevelHashMember() throws {
        let text = #"{"a":{"hash":"inner"},"hash":"abc","z":1}"#
        let (_, member) = try parseCanonical(text)
        let range = try #require(member)
        #expect(String(decoding: Array(text.utf8)[range], as: UTF8.self) == #""hash":"abc""#)
    }
}
