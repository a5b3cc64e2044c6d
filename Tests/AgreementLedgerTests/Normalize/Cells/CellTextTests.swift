import Testing
@testable import AgreementLedger

/// The byte check that lets most cells skip whitespace collapsing must say yes only where collapsing would
/// change nothing.
@Suite struct CellTextTests {
    @Test func theFastCheckAgreesWithCollapsing() {
        let pieces = ["a", "Uni", " ", "  ", "\t", "\u{A0}", "é", "\u{200B}", "~", "\u{7F}", "\n", "x y"]
        var checked = 0, accepted = 0
        // Every string of up to four pieces.
        func visit(_ s: String, depth: Int) {
            checked += 1
            let fast = CellText.isCollapsedASCII(s)
            let printableASCII = s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            #expect(fast == (printableASCII && CellText.collapsed(s) == s), "\(Array(s.utf8))")
            if fast { accepted += 1 }
            guard depth < 4 else { return }
            for p in pieces { visit(s + p, depth: depth + 1) }
        }
        visit("", depth: 0)
        #expect(checked > 20_000 && accepted > 100)
        // A long cell: the same verdict past any word boundary.
        let long = String(repeating: "Universität ", count: 3).replacingOccurrences(of: "ä", with: "a") + "Wien"
        #expect(CellText.isCollapsedASCII(long))
        #expect(!CellText.isCollapsedASCII(long + " "))
        #expect(!CellText.isCollapsedASCII(long.replacingOccurrences(of: "Wien", with: "Wi  en")))
    }
}
