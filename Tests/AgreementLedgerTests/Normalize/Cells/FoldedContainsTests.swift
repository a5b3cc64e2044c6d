import Testing
@testable import AgreementLedger

/// `history`'s in-place test on raw names must agree with folding the name and searching it.
@Suite struct FoldedContainsTests {
    @Test func agreesWithFoldThenSearch() throws {
        let seeds = ["aitu", "bosnian", "english", "polish"]
        var names: [String] = ["Uni  Double", " Leading", "Trailing ", "A-B", "Xi'an Jiaotong", "ŁÓDŹ University", "UNIVERSITY of Tomsk 2"]
        for seed in seeds {
            let text = String(decoding: try TestFixtures.seedBytes(seed), as: UTF8.self)
            for line in text.split(separator: "\n").prefix(120) {
                names += line.split(separator: "\t").prefix(4).map(String.init)
            }
        }
        let needles = ["univ", "university of", "tomsk", "lodz", "xian", "a b", "2", "ersity o", "zz", "ł", "sveuciliste"]
        var checked = 0
        for name in names {
            for needle in needles {
                let folded = Array(PartnerName.folded(needle).utf8)
                var text = name
                let fast = text.withUTF8 { PartnerName.foldedContains($0, folded) }
                #expect(fast == CellText.contains(PartnerName.folded(name), String(decoding: folded, as: UTF8.self)), "\(name) / \(needle)")
                checked += 1
            }
        }
        #expect(checked > 2000)
        var tomsk = "UNIVERSITY of Tomsk 2"
        #expect(tomsk.withUTF8 { PartnerName.foldedContains($0, Array("of tomsk".utf8)) })
    }
}
