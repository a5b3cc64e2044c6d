/// Consecutive rows of a text, found but not yet split into fields, cut into pieces that any thread may read.
///
/// Building each cell's string is most of the cost of reading a row. When one thread built every row and the
/// other cores only normalized them, that thread held the others back; handing out pieces lets every core build
/// the rows it normalizes. A batch may point into a window of the file that is reused once the call handing it
/// over returns, so it must not be kept past that call.
public struct RowBatch: @unchecked Sendable {
    /// Where one piece's rows start: a byte offset (or, for rows already built, a row index) and the line.
    struct Piece: Equatable {
        var start: Int
        var line: Int
        var rowCount: Int
        /// Index of the piece's first row in the batch.
        var firstRow: Int
    }

    private enum Storage {
        /// Valid UTF-8 whose pieces start at row boundaries; rows are scanned from there to the end of `bytes`,
        /// so a row sees the same bytes after it as when the batch was cut.
        case text(UnsafeBufferPointer<UInt8>, Delimiter)
        case rows([TextRow])
    }

    private let storage: Storage
    let pieces: [Piece]
    /// Rows in the batch, all pieces together.
    public let rowCount: Int

    public var pieceCount: Int { pieces.count }

    /// Rows already built, handed out in pieces of `pieceSize`.
    init(rows: [TextRow], pieceSize: Int) {
        precondition(pieceSize > 0)
        storage = .rows(rows)
        pieces = stride(from: 0, to: rows.count, by: pieceSize).map {
            Piece(start: $0, line: rows[$0].line, rowCount: min(pieceSize, rows.count - $0), firstRow: $0)
        }
        rowCount = rows.count
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, delimiter: Delimiter, pieces: [Piece], rowCount: Int) {
        storage = .text(bytes, delimiter)
        self.pieces = pieces
        self.rowCount = rowCount
    }

    /// The rows of piece `n` and the index of the first of them in the batch. `keep`, when given, names the
    /// wanted columns; the others may come back as "" (the row keeps its width).
    public func rows(ofPiece n: Int, keeping keep: ((Int) -> Bool)? = nil) -> (firstRow: Int, rows: [TextRow]) {
        let piece = pieces[n]
        switch storage {
        case .rows(let rows):
            return (piece.firstRow, Array(rows[piece.start..<(piece.start + piece.rowCount)]))
        case .text(let bytes, let delimiter):
            var scanner = RowScanner(bytes: UnsafeBufferPointer(rebasing: bytes[piece.start...]), delimiter: delimiter,
                                     firstLine: piece.line)
            var rows: [TextRow] = []
            rows.reserveCapacity(piece.rowCount)
            for _ in 0..<piece.rowCount {
                // These rows were stepped over without a fault when the batch was cut, over the same bytes.
                guard let row = try? scanner.next(keeping: keep) else { preconditionFailure("a row of a cut batch no longer scans") }
                rows.append(row)
            }
            return (piece.firstRow, rows)
        }
    }

    /// The whole rows that start at `offset` in `bytes` (on `line`), at most `maxRows` of them, cut into pieces of
    /// `pieceSize`; also where they end and the line after them.
    ///
    /// Unless `final` (the text ends with these bytes), a row is taken only if its end lies inside the bytes and
    /// a fault that more bytes might mend (a quote not closed yet) ends the batch before that row; at the end of
    /// the text the fault is thrown.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, line: Int, delimiter: Delimiter,
                    maxRows: Int, pieceSize: Int, final: Bool) throws(ReadError) -> (batch: RowBatch, end: Int, line: Int) {
        precondition(maxRows > 0 && pieceSize > 0)
        var scanner = RowScanner(bytes: UnsafeBufferPointer(rebasing: bytes[offset...]), delimiter: delimiter, firstLine: line)
        var pieces: [Piece] = []
        var rows = 0, end = 0, endLine = line
        var pieceStart = 0, pieceLine = line
        while rows < maxRows {
            do {
                guard try scanner.skip(), final || scanner.position < scanner.byteCount else { break }
            } catch {
                if final { throw error }
                break
            }
            rows += 1
            end = scanner.position
            endLine = scanner.line
            if rows % pieceSize == 0 {
                pieces.append(Piece(start: offset + pieceStart, line: pieceLine, rowCount: pieceSize, firstRow: rows - pieceSize))
                pieceStart = end
                pieceLine = endLine
            }
        }
        if rows % pieceSize != 0 {
            pieces.append(Piece(start: offset + pieceStart, line: pieceLine, rowCount: rows % pieceSize,
                                firstRow: rows - rows % pieceSize))
        }
        return (RowBatch(bytes: bytes, delimiter: delimiter, pieces: pieces, rowCount: rows), offset + end, endLine)
    }
}
