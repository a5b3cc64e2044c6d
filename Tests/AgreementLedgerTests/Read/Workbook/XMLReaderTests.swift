import Testing
@testable import AgreementLedger

/// The small XML reader on the constructs workbook parts use, and on broken input.
@Suite struct XMLReaderTests {
    static func events(_ xml: String) throws -> [XMLEvent] {
        var reader = try XMLReader(Array(xml.utf8))
        var out: [XMLEvent] = []
        while let e = try reader.next() { out.append(e) }
        return out
    }

    @Test func elementsAttributesAndText() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- a comment --><x:sst xmlns:x="urn:x" count='2'><x:si><x:t xml:space="preserve"> a &amp; b &lt;&#233;&#x10D;&gt; </x:t></x:si><e/></x:sst>
            """
        #expect(try Self.events(xml) == [
            .start(name: "sst", attributes: [XMLAttribute(name: "count", value: "2")]),
            .start(name: "si", attributes: []),
            .start(name: "t", attributes: [XMLAttribute(name: "space", value: "preserve")]),
            .text(" a & b <éč> "),
            .end(name: "t"), .end(name: "si"),
            .start(name: "e", attributes: []), .end(name: "e"),
            .end(name: "sst"),
        ])
    }

    @Test func cdataAndDoctype() throws {
        #expect(try Self.events("<!DOCTYPE r [<!ENTITY x \"y\">]><r><![CDATA[<a> & b]]></r>") == [
            .start(name: "r", attributes: []), .text("<a> & b"), .end(name: "r"),
        ])
    }

    @Test func attributeLookup() throws {
        let e = try Self.events("<c r=\"B2\" t=\"s\" s='3'/>")
        guard case .start(_, let a) = e[0] else { Issue.record("no start"); return }
        #expect(a["r"] == "B2")
        #expect(a["s"] == "3")
        #expect(a["missing"] == nil)
    }

    @Test(arguments: [
        "<a><b></a>", "<a>", "<a", "<a b=c/>", "<a b=\"1/>", "<a>&bogus;</a>", "<a>&amp</a>", "text<a/>",
        "<a><!-- never closed", "</a>", "<a>&#xFFFFFFFF;</a>",
    ])
    func malformed(_ xml: String) {
        #expect(throws: XMLError.self) { try Self.events(xml) }
    }
}
