import Testing
@testable import AgreementLedger

private func detect(_ text: String) -> Delimiter {
    DelimitedTextReader.detectDelimiter(utf8: Array(text.utf8))
}

@Suite struct DelimiterDetectionTests {
    @Test func tabSeparatedWithCommasInNames() {
        #expect(detect("No\tPartner\tCountry\n1\tUniversity of Lodz, Poland\tPL\n2\tTU Graz\tAT\n") == .tab)
    }

    @Test func commaSeparated() {
        #expect(detect("No,Partner,Country\n1,Graz,AT\n2,\"Lodz; Poland\",PL\n3,Zagreb,HR\n") == .comma)
    }

    @Test func semicolonSeparatedWithDecimalCommas() {
        #expect(detect("Nr;Partner;Score\n1;Graz;1,5\n2;Lodz;2,25\n3;Sarajevo, BiH;3\n") == .semicolon)
    }

    @Test func commaSeparatedWithTabsInsideQuotes() {
        let text = "id,name,note\n1,\"a\tb\tc\",x\n2,\"d\te\",y\n3,plain,z\n4,\"f\tg\th\ti\",w\n"
        #expect(detect(text) == .comma)
    }

    @Test func blankLinesAndAQuotedLineBreakDoNotConfuseIt() {
        #expect(detect("\n\nA,B,C\n\n1,\"two\nlines, here\",3\n4,5,6\n") == .comma)
    }

    @Test func singleColumnIsTab() {
        #expect(detect("Graz\nLodz\nZagreb\n") == .tab)
        #expect(detect("") == .tab)
    }

    @Test func tiesGoToTabThenSemicolon() {
        #expect(detect("a\tb,c\n") == .tab)
        #expect(detect("a;b,c\n") == .semicolon)
    }
}
