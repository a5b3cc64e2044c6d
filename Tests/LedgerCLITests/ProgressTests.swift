import Testing
@testable import LedgerCLI
import AgreementLedger

@Suite("progress on stderr")
struct ProgressTests {
    @Test("--progress reports steps on stderr only; without it a non-terminal gets none")
    func progressGoesToStderr() throws {
        try withScratch { s in
            let quiet = s.run(["import", Samples.englishFirst, "--source", "english"])
            #expect(!quiet.err.contains("ledger import: reading"))
            let loud = s.run(["import", Samples.englishSecond, "--source", "english", "--progress"])
            #expect(loud.code == 0)
            #expect(loud.err.contains("ledger import: reading \(Samples.englishSecond)\n"))
            #expect(loud.err.contains("ledger import: importing \(Samples.englishSecond)\n"))
            #expect(!loud.out.contains("ledger import:"), "stdout carries only data")
            let report = s.run(["report", "--html", s.root + "/r.html", "--progress"])
            #expect(report.code == 0)
            #expect(report.err.contains("ledger report: wrote \(s.root)/r.html"))
            #expect(report.out.isEmpty)
        }
    }
}
