import Foundation
import Testing
@testable import AgreementLedger

/// The byte check that lets most cells skip whitespace collapsing must say yes only where collapsing would
/// change nothing, and should say yes to any cell without odd spacing, in any script.
@Suite struct CellTextTests {
    /// Collapsing (the rule itself, without the byte check) changes nothing, and no control character is there
    /// (the check leaves those to collapsing).
    private func alreadyCollapsed(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F } && CellText.collapsedScalarByScalar(s) == s
    }

    @Test func theFastCheckAgreesWithCollapsing() {
        let pieces = ["a", "Uni", "Universit", " ", "  ", "\t", "\u{A0}", "é", "ł", "東", "🎓", "\u{200B}", "\u{2009}", "–", "\u{2030}",
                      "\u{200E}", "\u{3000}", "\u{FEFF}", "~", "\u{7F}", "\n", "x y"]
        var checked = 0, accepted = 0
        // Every string of up to three pieces.
        func visit(_ s: String, depth: Int) {
            checked += 1
            let fast = CellText.isCollapsed(s)
            #expect(fast == alreadyCollapsed(s), "\(Array(s.utf8))")
            if fast { accepted += 1 }
            guard depth < 3 else { return }
            for p in pieces { visit(s + p, depth: depth + 1) }
        }
        visit("", depth: 0)
        #expect(checked > 9_000 && accepted > 1_000)
        // A long cell: the same verdict past any word boundary.
        let long = String(repeating: "Universität ", count: 3) + "Wien"
        #expect(CellText.isCollapsed(long))
        #expect(!CellText.isCollapsed(long + " "))
        #expect(!CellText.isCollapsed(long.replacingOccurrences(of: "Wien", with: "Wi  en")))
    }

    /// Every scalar of the Basic Multilingual Plane between two letters, and at either end: the check knows each
    /// space and invisible scalar collapsing removes, by its bytes.
    @Test func everyScalarBetweenLettersGetsTheVerdictOfCollapsing() {
        var refused = 0
        for v in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let c = String(Character(scalar))
            // Short cells, and long ones with the scalar before, inside and after eight-byte words.
            let cells = ["a" + c + "b", c + "b", "a" + c, "Universit" + c + "y of Wien", "abcdefghijklmnop" + c,
                         "abcdefg" + c + "hijklmnopq"]
            for s in cells where CellText.isCollapsed(s) != alreadyCollapsed(s) {
                Issue.record("U+\(String(v, radix: 16)) in \(Array(s.utf8))")
            }
            if !CellText.isCollapsed("a" + c + "b") { refused += 1 }
        }
        #expect(refused == 25)
    }

    /// The split around a dash that country cells use ("Wielka Brytania - Brytyjskie Wyspy Dziewicze") finds the
    /// first occurrence, as Foundation's `range(of:)` did, on every country cell of the real lists and on made-up
    /// cells with several dashes, other scripts and a dash at either end.
    @Test func splitAroundADashIsTheFirstOccurrence() throws {
        var cells = ["Wielka Brytania - Brytyjskie Wyspy Dziewicze", "a - b - c", " - lead", "trail - ", "Koreja – Južna",
                     "Việt Nam — Hà Nội", "東京 - 日本", "no dash", "-", "a-b", "a – b - c", ""]
        for (prefix, header) in [("000", "Država"), ("001", "KRAJ"), ("002", "Country"), ("003", "COUNTRY")] {
            cells += try SeedFile.column(of: prefix, named: header)
        }
        #expect(cells.count > 100)
        for cell in cells {
            for dash in [" - ", " – ", " — "] {
                let expected = cell.range(of: dash).map { (String(cell[..<$0.lowerBound]), String(cell[$0.upperBound...])) }
                let split = CellText.split(cell, around: dash)
                #expect(split?.before == expected?.0 && split?.after == expected?.1, "\(cell) around \"\(dash)\"")
            }
        }
    }
}
