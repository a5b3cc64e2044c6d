import Testing
@testable import AgreementLedger

/// The single escaping function every report string goes through.
@Suite struct HTMLTextTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(HTMLText.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTMLText.escape("Smith & \"Sons\" 'Ltd'") == "Smith &amp; &quot;Sons&quot; &#39;Ltd&#39;")
        #expect(HTMLText.escape("<i>Istituto</i>") == "&lt;i&gt;Istituto&lt;/i&gt;")
        #expect(HTMLText.escape("Međimursko Veleučilište") == "Međimursko Veleučilište")
    }

    @Test func anchorsKeepOnlySafeCharacters() {
        #expect(HTMLText.anchor("agreement", "3f2a9c01b7de-2") == "agreement-3f2a9c01b7de-2")
        #expect(HTMLText.anchor("import", "1\"><x") == "import-1_34__62__60_x")
    }
}
