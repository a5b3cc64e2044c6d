/// The rows of a text in file order, handed over a batch at a time: the normalizer reads a big file this way
/// without its rows ever being a table in memory, and a table already in memory the same way.
public protocol RowSource {
    /// The separator the rows were split on; reported back as the file's format.
    var delimiter: Delimiter { get }
    /// The encoding the bytes were decoded from.
    var encoding: TextEncoding { get }
    /// Calls `body` with consecutive batches of at most `size` rows, from the first row on, until the rows end
    /// or `body` returns false. `keep`, when given, names the wanted columns; the others may come back as "".
    func forEachBatch(size: Int, keeping keep: ((Int) -> Bool)?, _ body: ([TextRow]) -> Bool) throws(ReadError)
    /// Calls `body` with consecutive batches of at most `size` rows, from the first row on, until the rows end or
    /// `body` returns false; each batch is cut into pieces of at most `pieceSize` rows that any thread may build.
    /// The same rows as `forEachBatch` without `keep`, though batches may be cut elsewhere.
    func forEachRowBatch(size: Int, pieceSize: Int, _ body: (RowBatch) -> Bool) throws(ReadError)
}

extension RowSource {
    /// Rows built here and handed out in pieces: for sources whose rows are already in memory.
    public func forEachRowBatch(size: Int, pieceSize: Int, _ body: (RowBatch) -> Bool) throws(ReadError) {
        try forEachBatch(size: size, keeping: nil) { rows in body(RowBatch(rows: rows, pieceSize: pieceSize)) }
    }
}

extension DelimitedText: RowSource {
    public func forEachBatch(size: Int, keeping keep: ((Int) -> Bool)?, _ body: ([TextRow]) -> Bool) {
        var start = 0
        while start < rows.count {
            let end = min(start + size, rows.count)
            if !body(Array(rows[start..<end])) { return }
            start = end
        }
    }
}

/// A decoded text not yet split into rows: its UTF-8 bytes are scanned again for each pass over its rows.
public struct ScannedText: RowSource, Sendable {
    /// Valid UTF-8 without a byte-order mark.
    public let bytes: [UInt8]
    public let delimiter: Delimiter
    public let encoding: TextEncoding

    public func forEachBatch(size: Int, keeping keep: ((Int) -> Bool)?, _ body: ([TextRow]) -> Bool) throws(ReadError) {
        try bytes.withUnsafeBufferPointer { buffer throws(ReadError) in
            var scanner = RowScanner(bytes: buffer, delimiter: delimiter)
            var batch: [TextRow] = []
            batch.reserveCapacity(size)
            while let row = try scanner.next(keeping: keep) {
                batch.append(row)
                if batch.count == size {
                    if !body(batch) { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = body(batch) }
        }
    }

    public func forEachRowBatch(size: Int, pieceSize: Int, _ body: (RowBatch) -> Bool) throws(ReadError) {
        try bytes.withUnsafeBufferPointer { buffer throws(ReadError) in
            var offset = 0, line = 1
            while true {
                let (batch, end, next) = try RowBatch.cut(buffer, from: offset, line: line, delimiter: delimiter,
                                                         maxRows: size, pieceSize: pieceSize, final: true)
                if batch.rowCount == 0 || !body(batch) { return }
                (offset, line) = (end, next)
            }
        }
    }
}
