import Foundation
import Testing
@testable import AgreementLedger

/// A file read a window at a time must give exactly what the same bytes read whole give: the same rows on the
/// same lines, the same snapshot, the same hash, and the same fault, wherever the windows cut it.
@Suite struct StreamedTextTests {
    /// Writes `bytes` to a scratch file and passes its path.
    private func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let dir = TestFixtures.temporaryDirectory()
        defer { TestFixtures.remove(dir) }
        let path = dir + "/list.tsv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    private func sha(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return SHA256.hex(of: hasher.finalize())
    }

    /// Every row of the file as streamed in windows of `window` bytes, in batches of 3.
    private func streamedRows(_ path: String, window: Int) throws -> (rows: [TextRow], delimiter: Delimiter, sha: String)? {
        let file = try OpenTextFile(path: path)
        guard let (text, sha) = try StreamedText.open(file, declared: nil, delimiter: nil, windowSize: window) else { return nil }
        var rows: [TextRow] = []
        try text.forEachBatch(size: 3, keeping: nil) { batch in
            #expect(batch.count <= 3)
            rows += batch
            return true
        }
        return (rows, text.delimiter, sha)
    }

    /// Quotes holding line breaks and delimiters, doubled quotes, CRLF, CR alone, letters of two, three and four
    /// bytes, a blank line, a row longer than the small windows, and no line break at the end.
    static let tricky = Array(("Partner\tCountry\tNotes\r\n"
        + "Uniwersytet Łódzki\tPolska\t\"two\nlines, \"\"quoted\"\"\"\r\n"
        + "Sveučilište u Sarajevu\tBosna i Hercegovina\tžđšćč\r"
        + "\n"
        + "東京大学\tJapan\t🎓 \"x\" y\n"
        + "Université Paris-Saclay " + String(repeating: "é", count: 90) + "\tFrance\t\"\t\"\n"
        + "Last\tRow\tends here").utf8)

    @Test func rowsAreTheSameInAnyWindow() throws {
        let whole = try DelimitedTextReader.read(Self.tricky)
        try withFile(Self.tricky) { path in
            for window in [1, 2, 3, 4, 5, 7, 16, 64, 1000, 1 << 20] {
                let streamed = try #require(try streamedRows(path, window: window), "window \(window)")
                #expect(streamed.rows == whole.rows, "window \(window)")
                #expect(streamed.delimiter == .tab)
                #expect(streamed.sha == sha(Self.tricky))
            }
        }
    }

    @Test func aByteOrderMarkIsHashedButNotRead() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Self.tricky
        let whole = try DelimitedTextReader.read(bytes)
        try withFile(bytes) { path in
            for window in [1, 2, 5, 64] {
                let streamed = try #require(try streamedRows(path, window: window))
                #expect(streamed.rows == whole.rows, "window \(window)")
                #expect(streamed.sha == sha(bytes))
            }
        }
    }

    @Test func everySeedReadsToTheSameSnapshotStreamedOrWhole() throws {
        for name in TestFixtures.seeds.keys.sorted() {
            let bytes = try TestFixtures.seedBytes(name)
            let whole = try TestFixtures.snapshot(bytes, name: name)
            try withFile(bytes) { path in
                for window in [13, 4096, StreamedText.defaultWindowSize] {
                    var reader = SnapshotReader()
                    reader.windowSize = window
                    let (streamed, hash) = try reader.read(path: path)
                    #expect(streamed.json == whole.json, "\(name), window \(window)")
                    #expect(streamed.repeatedRows == whole.repeatedRows)
                    #expect(streamed.format == whole.format && streamed.encoding == whole.encoding)
                    #expect(hash == sha(bytes))
                    #expect(streamed.records.count > 10)
                }
            }
        }
    }

    /// Bytes that are not plain UTF-8 are left to the whole-file reader, which names the exact byte.
    @Test func faultyOrOtherTextIsReadWholeAndReportedAsBefore() throws {
        let text = Array("Partner\tCountry\nUniwersytet Łódzki\tPolska\n".utf8)
        let lodz = text.firstIndex(of: 0xC5)!
        let cases: [(String, [UInt8], String)] = [
            ("a letter cut at the end", text + [0xC5], "invalid UTF-8 at byte offset \(text.count)"),
            ("an invalid byte after a window", Array(text[..<lodz]) + [0xFF] + Array(text[(lodz + 2)...]),
             "invalid UTF-8 at byte offset \(lodz)"),
            ("a NUL byte", text + [0x00], "NUL byte at byte offset \(text.count)"),
            ("an empty file", [], "the file is empty"),
            ("only a byte-order mark", [0xEF, 0xBB, 0xBF], "the file is empty"),
        ]
        for (what, bytes, message) in cases {
            try withFile(bytes) { path in
                let file = try OpenTextFile(path: path)
                #expect(try StreamedText.open(file, declared: nil, delimiter: nil, windowSize: 3) == nil, "\(what)")
                var reader = SnapshotReader()
                reader.windowSize = 3
                #expect { try reader.read(path: path) } throws: { error in
                    (error as? InputError)?.message.hasPrefix(message) == true
                }
            }
        }
        // UTF-16 with a byte-order mark and a declared single-byte encoding are decoded from the whole file.
        let units = Array("Partner\tCountry\nUni\tFrance\n".utf16)
        let utf16: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try withFile(utf16) { path in
            let file = try OpenTextFile(path: path)
            #expect(try StreamedText.open(file, declared: nil, delimiter: nil) == nil)
            let (snapshot, hash) = try SnapshotReader().read(path: path)
            #expect(snapshot.encoding == .utf16LE && snapshot.records.map(\.partner) == ["Uni"])
            #expect(hash == sha(utf16))
        }
        try withFile(text) { path in
            let file = try OpenTextFile(path: path)
            #expect(try StreamedText.open(file, declared: .windows1250, delimiter: nil) == nil)
        }
        // A Windows-1250 export, not declared: the streamed attempt (its rows read while the hash pass runs) is
        // dropped once that pass finds it is not UTF-8, and the whole file gives the error it gave before;
        // declared, it is decoded from the whole file.
        var cp1250 = Array("Partner\tCountry\n".utf8)
        for n in 0..<2_000 { cp1250 += Array("Uniwersytet ".utf8) + [0xA3, 0xF3, 0x64, 0x9F] + Array(" \(n)\tPolska\n".utf8) }
        try withFile(cp1250) { path in
            for window in [3, 4096, StreamedText.defaultWindowSize] {
                var reader = SnapshotReader()
                reader.windowSize = window
                var streamed: InputError?, whole: InputError?
                do { _ = try reader.read(path: path) } catch { streamed = error as? InputError }
                do { _ = try reader.read(bytes: cp1250, name: path) } catch { whole = error as? InputError }
                #expect(streamed != nil && streamed == whole, "window \(window)")
                #expect(streamed?.message.contains("--encoding windows-1250") == true)
            }
            let (snapshot, hash) = try SnapshotReader(options: .init(encoding: .windows1250)).read(path: path)
            #expect(snapshot.encoding == .windows1250 && snapshot.records.count == 2_000)
            #expect(snapshot.records.first?.partner == "Uniwersytet Łódź 0")
            #expect(hash == sha(cp1250))
        }
    }

    @Test func anUnclosedQuoteIsReportedOnItsLineInAnyWindow() throws {
        let bytes = Array("Partner\tCountry\nUni A\tFrance\n\"Uni B\tItaly\nUni C\tSpain\n".utf8)
        let expected = ReadError.unclosedQuote(line: 3)
        #expect(throws: expected) { try DelimitedTextReader.read(bytes) }
        try withFile(bytes) { path in
            for window in [1, 4, 10, 1000] {
                #expect(throws: expected) { _ = try streamedRows(path, window: window) }
            }
        }
    }

    @Test func aFileChangedBetweenPassesIsRefused() throws {
        let bytes = Array("Partner\tCountry\nUni A\tFrance\n".utf8)
        try withFile(bytes) { path in
            let file = try OpenTextFile(path: path)
            let (text, _) = try #require(try StreamedText.open(file, declared: nil, delimiter: nil))
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            handle.write(Data("Uni B\tItaly\n".utf8))
            handle.closeFile()
            #expect(throws: ReadError.changedWhileReading) {
                try text.forEachBatch(size: 10, keeping: nil) { _ in true }
            }
        }
    }
}
