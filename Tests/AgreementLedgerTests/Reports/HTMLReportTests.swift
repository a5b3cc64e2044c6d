import Foundation
import Testing
@testable import AgreementLedger

/// The HTML report of a small hand-made ledger: byte for byte against a golden file, and its promises
/// (escaping, one chart point and one bar per import, a section per import, links to timelines).
///
/// Set RECORD_GOLDEN=1 to rewrite Fixtures/reports/golden-report.html after a deliberate change, then
/// open it in a browser and review the diff.
@Suite struct HTMLReportTests {
    /// Two lists: "north" imported twice (renewal, amendment, stated expiry, closure, a new agreement) and
    /// "south" once, with partners named `<script>alert(1)</script>` and `Epsilon <i>Hochschule</i>`.
    static func ledger() throws -> (events: [LedgerEvent], dir: String) {
        let dir = TestFixtures.temporaryDirectory()
        let store = try EventStore(directory: dir + "/Ledger", create: true)
        let importer = Importer(store: store, today: PartialDate("2025-12-31")!)
        let steps = [("north", "north-2025-01-10.tsv", "2025-01-10"), ("south", "south-2025-02-01.csv", "2025-02-01"),
                     ("north", "north-2025-04-01.tsv", "2025-04-01")]
        for (source, file, date) in steps {
            let path = TestFixtures.directory.appendingPathComponent("reports/\(file)").path
            _ = try importer.importFiles([path], source: source, asOf: PartialDate(date))
        }
        return (try store.readCommitted(), dir)
    }

    static let options = HTMLReport.Options(expiringWithin: 365)

    @Test func matchesTheGoldenFile() throws {
        let (events, dir) = try Self.ledger()
        defer { TestFixtures.remove(dir) }
        let actual = HTMLReport(options: Self.options).render(events)
        try TestFixtures.expectMatchesGolden(actual, "reports/golden-report.html")
    }

    @Test func isDeterministic() throws {
        let (events, dir) = try Self.ledger()
        defer { TestFixtures.remove(dir) }
        #expect(HTMLReport(options: Self.options).render(events) == HTMLReport(options: Self.options).render(events))
    }

    @Test func hostileNamesAreText() throws {
        let (events, dir) = try Self.ledger()
        defer { TestFixtures.remove(dir) }
        let html = HTMLReport(options: Self.options).render(events)
        #expect(!html.contains("<script"), "no script element, ever")
        #expect(!html.contains("<i>"), "markup in a partner name is shown as text")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Epsilon &lt;i&gt;Hochschule&lt;/i&gt;"))
    }

    @Test func oneChartPointAndOneBarPerImport() throws {
        let (events, dir) = try Self.ledger()
        defer { TestFixtures.remove(dir) }
        let html = HTMLReport(options: Self.options).render(events)
        func count(_ needle: String) -> Int { html.components(separatedBy: needle).count - 1 }
        #expect(count("<circle data-point=") == 3)
        #expect(count("<rect data-bar=") == 3)
        #expect(count("<section class=\"import\"") == 3)
        for id in ["1", "2", "3"] { #expect(html.contains("id=\"import-\(id)\" data-import=\"\(id)\"")) }
    }

    @Test func everyAgreementLinkHasATimeline() throws {
        let (events, dir) = try Self.ledger()
        defer { TestFixtures.remove(dir) }
        let html = HTMLReport(options: Self.options).render(events)
        let links = Set(html.components(separatedBy: "href=\"#agreement-").dropFirst().map { $0.prefix { $0 != "\"" } })
        #expect(!links.isEmpty)
        for id in links { #expect(html.contains("id=\"agreement-\(id)\""), "timeline of \(id)") }
    }

    @Test func periodAndSourceNarrowTheImports() throws {
        let (events, dir) = try Self.ledger()
        defer { TestFixtures.remove(dir) }
        let north = HTMLReport(options: .init(source: "north")).render(events)
        #expect(north.components(separatedBy: "<circle data-point=").count - 1 == 2)
        #expect(!north.contains("South Polytechnic"))
        let early = HTMLReport(options: .init(to: PartialDate("2025-02-28"))).render(events)
        #expect(early.contains("Report date: 2025-02-01"), "the latest import within the period")
        #expect(early.components(separatedBy: "<rect data-bar=").count - 1 == 2)
    }

    @Test func summaryHTMLEscapesAndGroups() throws {
        let (events, dir) = try Self.ledger()
        defer { TestFixtures.remove(dir) }
        let html = SummaryHTML.render(ChangeSummary(events: events, importID: "3")!)
        #expect(html.hasPrefix("<h2>Partner agreements: changes in &quot;north&quot; as of 2025-04-01</h2>"))
        #expect(html.contains("<h3 class=\"type-renewed\">Renewed (1)</h3>"))
        #expect(html.contains("<strong>Alpha University</strong> (Germany): validUntil: 2025-06-30 -&gt; 2030-06-30"))
        #expect(!html.contains("<i>"))
    }
}
