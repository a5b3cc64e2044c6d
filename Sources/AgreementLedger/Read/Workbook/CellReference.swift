import Foundation

/// A cell address ("C17") and its pieces, so warnings can point at the cell a user sees in Excel.
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
    /// 1-based sheet row.
    public var row: Int
    /// 0-based column (A = 0).
    public var column: Int

    /// An address from its parts.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses "C17" (absolute markers "$C$17" allowed); nil for anything else.
    public init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(b - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(b - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        self.row = row
        self.column = column - 1
    }

    /// The column letters of a 0-based column: 0 -> "A", 26 -> "AA".
    public static func letters(_ column: Int) -> String {
        var n = column + 1
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(out)
    }

    /// "C17".
    public var description: String { CellReference.letters(column) + String(row) }

    /// How a sheet name is written before "!": quoted when it holds anything but letters, digits and "_".
    public static func sheetPrefix(_ sheet: String) -> String {
        let plain = !sheet.isEmpty && sheet.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// A rectangular block of cells ("A1:C3"), as merged cells are declared.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellReference
    public var last: CellReference

    /// Parses "A1:C3" (or a single cell, a 1x1 range); nil when malformed or reversed.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let a = CellReference(String(parts[0])),
              let b = parts.count == 2 ? CellReference(String(parts[1])) : a,
              a.row <= b.row, a.column <= b.column else { return nil }
        first = a
        last = b
    }

    /// "A1:C3".
    public var description: String { "\(first):\(last)" }
}
