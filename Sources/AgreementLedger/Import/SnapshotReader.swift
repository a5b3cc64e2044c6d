import Foundation

/// Reads one snapshot file from disk through the whole read -> normalize pipeline.
public struct SnapshotReader {
    /// What the user may force: the delimiter, the encoding, a column mapping; for workbooks the sheet and
    /// statuses taken from row fills.
    public struct Options: Sendable {
        public var delimiter: Delimiter?
        public var encoding: TextEncoding?
        public var mapping: MappingFile?
        /// A sheet name or 1-based number (`--sheet`); nil reads the first visible sheet.
        public var sheet: String?
        /// `--status-from-fill COLOR=STATUS` rules, first match wins.
        public var statusFromFill: [FillStatusRule]

        public init(delimiter: Delimiter? = nil, encoding: TextEncoding? = nil, mapping: MappingFile? = nil,
                    sheet: String? = nil, statusFromFill: [FillStatusRule] = []) {
            self.delimiter = delimiter
            self.encoding = encoding
            self.mapping = mapping
            self.sheet = sheet
            self.statusFromFill = statusFromFill
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Bytes read at a time from a text file (tests lower it to put rows across windows).
    public var windowSize = StreamedText.defaultWindowSize
    /// Whether records work their content hashes out as they are read (`SnapshotNormalizer`).
    public var remembersContentHashes = true

    /// The file open for reading, or an error naming the file and why it cannot be read.
    static func open(_ path: String) throws(InputError) -> OpenTextFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such file")
        }
        if isDirectory.boolValue { throw InputError(file: path, message: "is a directory, not a file") }
        return try OpenTextFile(path: path)
    }

    /// The file's bytes, or an error naming the file and why it cannot be read.
    public static func contents(of path: String) throws(InputError) -> [UInt8] {
        let file = try open(path)
        do { return try file.readAll() } catch { throw InputError(file: path, message: error.description) }
    }

    /// Reads and normalizes `path`; also the SHA-256 of its bytes, the import's name for that exact file.
    ///
    /// Plain UTF-8 text is streamed: hashed and checked in one pass on another thread while its rows are read a
    /// window at a time in each pass of the normalizer (the rows read are used only if the check holds).
    /// Anything else (workbooks, other encodings, faulty bytes) is read whole.
    public func read(path: String) throws(InputError) -> (snapshot: Snapshot, sha256: String) {
        let file = try SnapshotReader.open(path)
        func failure(_ error: ReadError) -> InputError { InputError(file: path, message: error.description) }
        let candidate: StreamedText?
        do {
            candidate = try StreamedText.candidate(file, declared: options.encoding, delimiter: options.delimiter, windowSize: windowSize)
        } catch { throw failure(error) }
        if let text = candidate {
            let hashing = BackgroundResult { Result { () throws(ReadError) in try text.plainUTF8SHA256() } }
            // Rows stop coming once the check has failed: they are then read again from the whole file.
            let rows = Result { () throws(InputError) in try normalize(StoppableRows(text: text, hashing: hashing), name: path) }
            let sha: String?
            do { sha = try hashing.wait().get() } catch { throw failure(error) }
            if let sha { return (try rows.get(), sha) }
        }
        let bytes: [UInt8]
        do { bytes = try file.readAll() } catch { throw failure(error) }
        var hasher = SHA256()
        hasher.update(bytes)
        return (try read(bytes: bytes, name: path), SHA256.hex(of: hasher.finalize()))
    }

    /// Normalizes bytes already in memory; `name` is used in error messages.
    public func read(bytes: [UInt8], name: String) throws(InputError) -> Snapshot {
        if SnapshotReader.isWorkbook(bytes) { return try readWorkbook(bytes: bytes, name: name) }
        // Scanned, not read into a table: the normalizer takes the rows a batch at a time.
        let text: ScannedText
        do {
            text = try DelimitedTextReader.scan(bytes, delimiter: options.delimiter, encoding: options.encoding)
        } catch {
            throw InputError(file: name, message: error.description)
        }
        return try normalize(text, name: name)
    }

    /// Normalizes a text's rows, a fault reported against `name`.
    func normalize(_ text: some RowSource, name: String) throws(InputError) -> Snapshot {
        var normalizer = SnapshotNormalizer()
        normalizer.remembersContentHashes = remembersContentHashes
        do {
            return try normalizer.normalize(text, mapping: options.mapping)
        } catch {
            throw InputError(file: name, line: error.line, message: error.message)
        }
    }

    /// A streamed text's rows, which stop as soon as the file's hash pass has found it is not plain UTF-8.
    private struct StoppableRows: RowSource {
        let text: StreamedText
        let hashing: BackgroundResult<Result<String?, ReadError>>
        var delimiter: Delimiter { text.delimiter }
        var encoding: TextEncoding { text.encoding }

        func forEachBatch(size: Int, keeping keep: ((Int) -> Bool)?, _ body: ([TextRow]) -> Bool) throws(ReadError) {
            try text.forEachBatch(size: size, keeping: keep) { batch in
                if case .success(nil) = hashing.finishedValue { return false }
                return body(batch)
            }
        }

        func forEachRowBatch(size: Int, pieceSize: Int, _ body: (RowBatch) -> Bool) throws(ReadError) {
            try text.forEachRowBatch(size: size, pieceSize: pieceSize) { batch in
                if case .success(nil) = hashing.finishedValue { return false }
                return body(batch)
            }
        }
    }

    /// A ZIP signature: an .xlsx workbook (anything else zipped is reported by the workbook reader).
    static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B
            && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6) || (bytes[2] == 7 && bytes[3] == 8))
    }

    /// Reads a workbook's sheet into the same pipeline as text.
    func readWorkbook(bytes: [UInt8], name: String) throws(InputError) -> Snapshot {
        let sheet: WorkbookSheet
        do {
            sheet = try WorkbookReader.read(bytes, sheet: options.sheet)
        } catch {
            throw InputError(file: name, message: error.description)
        }
        do {
            return try WorkbookSnapshot.normalize(sheet, mapping: options.mapping, statusFromFill: options.statusFromFill)
        } catch {
            throw InputError(file: name, line: error.line, message: error.message,
                             reference: error.line.map { CellReference.sheetPrefix(sheet.name) + "!row \($0)" })
        }
    }
}

/// Bad input: names the file and, when one is to blame, the line (or, in a workbook, the sheet row).
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    /// In a workbook, where the fault is (`Sheet1!row 3`); shown instead of the line.
    public var reference: String?

    public init(file: String, line: Int? = nil, message: String, reference: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.reference = reference
    }

    public var description: String {
        if let reference { return "\(file): \(reference): \(message)" }
        return line.map { "\(file): line \($0): \(message)" } ?? "\(file): \(message)"
    }
}
