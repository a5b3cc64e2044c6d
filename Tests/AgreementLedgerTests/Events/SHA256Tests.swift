import Testing
@testable import AgreementLedger

@Suite struct SHA256Tests {
    /// Both ways of compressing a block: the processor's SHA instructions (where it has them) and the
    /// portable rounds.
    static let ways = [false, true]

    private static func hex(_ text: String, portable: Bool) -> String {
        var hasher = SHA256(portable: portable)
        hasher.update(Array(text.utf8))
        return SHA256.hex(of: hasher.finalize())
    }

    @Test(arguments: ways) func nistVectors(portable: Bool) {
        #expect(Self.hex("", portable: portable) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex("abc", portable: portable) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", portable: portable)
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Self.hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", portable: portable)
            == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(arguments: ways) func oneMillionA(portable: Bool) {
        var hasher = SHA256(portable: portable)
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(SHA256.hex(of: hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The SHA instructions and the portable rounds agree on seeded messages of every length up to nine
    /// blocks, fed whole and in pieces of seeded sizes (many blocks in one call, and one at a time).
    @Test func instructionsAgreeWithPortableRounds() {
        var generator = SplitMix(state: 0x5EED_5A25)
        for length in 0...600 {
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            var whole = SHA256(portable: true)
            whole.update(message)
            let expected = whole.finalize()
            var pieces = SHA256(portable: false)
            var start = 0
            while start < length {
                let end = min(length, start + 1 + Int(generator.next() % 200))
                pieces.update(Array(message[start..<end]))
                start = end
            }
            #expect(pieces.finalize() == expected, "length \(length)")
            var oneGo = SHA256(portable: false)
            oneGo.update(message)
            #expect(oneGo.finalize() == expected, "length \(length)")
        }
    }

    @Test func streamingInOddChunksEqualsOneShot() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 4097] {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let oneShot = SHA256.digest(message)
            for chunkSize in [1, 3, 7, 63, 64, 65, 127] {
                var hasher = SHA256()
                var start = 0
                while start < message.count {
                    let end = min(start + chunkSize, message.count)
                    hasher.update(Array(message[start..<end]))
                    start = end
                }
                #expect(hasher.finalize() == oneShot, "length \(length), chunks of \(chunkSize)")
            }
        }
    }

    /// Four lanes at once give each lane's digest exactly: every length across the padding boundaries, in
    /// groups of one to four messages of different lengths, each split in two pieces at every kind of place.
    @Test(arguments: ways) func fourLanesGiveEachMessagesDigest(portable: Bool) {
        var generator = SystemRandomNumberGenerator()
        let lengths = Array(0...200) + [447, 448, 511, 512, 513, 700, 4097]
        let messages = lengths.map { length in (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) } }
        var n = 0
        while n < messages.count {
            let group = Array(messages[n..<min(n + 1 + n % 4, messages.count)])
            n += group.count
            let splits = group.map { $0.isEmpty ? 0 : Int.random(in: 0...$0.count, using: &generator) }
            // The group's messages one after another in one buffer, each cut in two pieces.
            let all = group.flatMap { $0 }
            let starts = group.indices.map { k in group[..<k].reduce(0) { $0 + $1.count } }
            let lanes = all.withUnsafeBytes { raw in
                SHA256x4(group.indices.map { k in
                    (UnsafeRawBufferPointer(rebasing: raw[starts[k]..<(starts[k] + splits[k])]),
                     UnsafeRawBufferPointer(rebasing: raw[(starts[k] + splits[k])..<(starts[k] + group[k].count)]))
                }, portable: portable)
            }
            for (k, message) in group.enumerated() {
                var hasher = SHA256(portable: true)
                hasher.update(message)
                let digest = hasher.finalize()
                #expect(lanes.digest(lane: k) == digest, "length \(message.count), split at \(splits[k]), lane \(k) of \(group.count)")
                let hex = Array(SHA256.hex(of: digest).utf8)
                #expect(hex.withUnsafeBufferPointer { lanes.matches(lane: k, hex: $0.baseAddress!) })
                var wrong = hex
                wrong[63] = wrong[63] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
                #expect(!wrong.withUnsafeBufferPointer { lanes.matches(lane: k, hex: $0.baseAddress!) })
            }
        }
    }

    @Test func hexIsLowercaseTwoDigitsPerByte() {
        #expect(SHA256.hex(of: [0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(SHA256.hex(of: []) == "")
    }
}
