import Foundation

/// Reads one snapshot file from disk through the whole read -> normalize pipeline.
public struct SnapshotReader {
    /// What the user may force: the delimiter, the encoding and a column mapping.
    public struct Options: Sendable {
        public var delimiter: Delimiter?
        public var encoding: TextEncoding?
        public var mapping: MappingFile?

        public init(delimiter: Delimiter? = nil, encoding: TextEncoding? = nil, mapping: MappingFile? = nil) {
            self.delimiter = delimiter
            self.encoding = encoding
            self.mapping = mapping
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The file's bytes, or an error naming the file and why it cannot be read.
    public static func contents(of path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such file")
        }
        if isDirectory.boolValue { throw InputError(file: path, message: "is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot be read (permission denied?)")
        }
        return [UInt8](data)
    }

    /// Reads and normalizes `path`.
    public func read(path: String) throws(InputError) -> (snapshot: Snapshot, bytes: [UInt8]) {
        let bytes = try SnapshotReader.contents(of: path)
        return (try read(bytes: bytes, name: path), bytes)
    }

    /// Normalizes bytes already in memory; `name` is used in error messages.
    public func read(bytes: [UInt8], name: String) throws(InputError) -> Snapshot {
        let table: DelimitedText
        do {
            table = try DelimitedTextReader.read(bytes, delimiter: options.delimiter, encoding: options.encoding)
        } catch {
            throw InputError(file: name, message: error.description)
        }
        do {
            return try SnapshotNormalizer().normalize(table, mapping: options.mapping)
        } catch {
            throw InputError(file: name, line: error.line, message: error.message)
        }
    }
}

/// Bad input: names the file and, when one is to blame, the line.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file): line \($0): \(message)" } ?? "\(file): \(message)"
    }
}
