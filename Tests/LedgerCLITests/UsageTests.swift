import AgreementLedger
@testable import LedgerCLI
import Testing

@Suite("ledger: usage, help and argument errors")
struct UsageTests {
    static let commandNames = ["inspect", "import", "status", "history", "log", "summary", "expiring", "report", "verify"]

    @Test("`ledger` alone prints the overview on stdout and exits 2")
    func bare() {
        let r = CLI.run([])
        #expect(r.code == 2)
        #expect(r.err == "")
        #expect(r.out.hasPrefix("ledger: an event-sourced ledger of partner agreements"))
        #expect(r.out.contains("Usage: ledger COMMAND [options]"))
        for name in Self.commandNames {
            #expect(r.out.contains("\n  \(name) "), "overview lists \(name)")
        }
    }

    @Test("`ledger --help`, `-h` and `help` print the overview and exit 0")
    func overviewHelp() {
        let bare = CLI.run([]).out
        for flag in ["--help", "-h", "help"] {
            let r = CLI.run([flag])
            #expect(r.code == 0, "\(flag)")
            #expect(r.out == bare, "\(flag)")
            #expect(r.err == "")
        }
    }

    @Test("the overview lists exactly the commands, in order")
    func overviewCommands() {
        let lines = CLI.run(["--help"]).out.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "Commands:") else {
            Issue.record("no Commands: section")
            return
        }
        let listed = lines[(start + 1)...].prefix { !$0.isEmpty }.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(listed == Self.commandNames)
    }

    @Test("`ledger COMMAND --help` shows usage and examples, exit 0", arguments: commandNames)
    func commandHelp(_ name: String) throws {
        // --help wins over missing or extra arguments, and needs no store.
        let r = CLI.run([name, "--help"])
        #expect(r.code == 0)
        #expect(r.err == "")
        #expect(r.out.contains("Usage: ledger \(name)"))
        #expect(r.out.contains("\nExamples:\n  ledger \(name)"))
        #expect(r.out.contains("  --ledger DIR"))
        #expect(r.out.contains("  --help"))
        #expect(CLI.run([name, "-h"]).out == r.out)
        #expect(CLI.run(["help", name]).out == r.out)
        #expect(CLI.run(["--help", name]).out == r.out)
    }

    @Test("an unknown command suggests the nearest one, exit 2")
    func unknownCommand() {
        let r = CLI.run(["imprt", "x.tsv"])
        #expect(r.code == 2)
        #expect(r.out == "")
        #expect(r.errLine == "ledger: unknown command 'imprt'. Did you mean 'import'? See 'ledger --help'.")

        let s = CLI.run(["stauts"])
        #expect(s.code == 2)
        #expect(s.errLine == "ledger: unknown command 'stauts'. Did you mean 'status'? See 'ledger --help'.")

        let far = CLI.run(["frobnicate"])
        #expect(far.code == 2)
        #expect(far.errLine == "ledger: unknown command 'frobnicate'. See 'ledger --help'.")

        // Asking for help on an unknown command is the same mistake.
        let help = CLI.run(["help", "stauts"])
        #expect(help.code == 2)
        #expect(help.out == "")
        #expect(help.errLine == "ledger: unknown command 'stauts'. Did you mean 'status'? See 'ledger --help'.")
        #expect(CLI.run(["--help", "frobnicate"]).code == 2)
    }

    @Test("an unknown option suggests the nearest one, exit 2")
    func unknownOption() throws {
        try withScratch { s in
            let r = s.run(["import", "x.tsv", "--sorce", "english"])
            #expect(r.code == 2)
            #expect(r.out == "")
            #expect(r.errLine == "ledger import: Unknown option --sorce. Did you mean --source?")

            let far = s.run(["status", "--frobnicate"])
            #expect(far.code == 2)
            #expect(far.errLine == "ledger status: Unknown option --frobnicate. See 'ledger status --help'.")

            // A flag given a value.
            let flag = s.run(["status", "--json=yes"])
            #expect(flag.code == 2)
            #expect(flag.errLine == "ledger status: --json takes no value")
            #expect(s.logBytes() == nil)
        }
    }

    @Test("an option missing its value, exit 2")
    func missingValue() throws {
        try withScratch { s in
            // The store comes from the environment so that --source really is the last argument.
            let e = s.runWithEnvironment(["import", "x.tsv", "--source"])
            #expect(e.code == 2)
            #expect(e.out == "")
            #expect(e.errLine == "ledger import: --source needs a value (S); see 'ledger import --help'")

            let at = s.runWithEnvironment(["status", "--at"])
            #expect(at.code == 2)
            #expect(at.errLine == "ledger status: --at needs a value (DATE); see 'ledger status --help'")
            #expect(s.logBytes() == nil)
        }
    }

    @Test("missing or too many positional arguments, exit 2")
    func positionals() throws {
        try withScratch { s in
            let cases: [([String], String)] = [
                (["inspect"], "ledger inspect: missing argument; usage: \(InspectCommand.spec.usage)"),
                (["inspect", "a.tsv", "b.tsv"], "ledger inspect: unexpected argument \"b.tsv\"; usage: \(InspectCommand.spec.usage)"),
                (["import"], "ledger import: missing argument; usage: \(ImportCommand.spec.usage)"),
                (["history"], "ledger history: missing argument; usage: ledger history QUERY [--json]"),
                (["history", "a", "b"], "ledger history: unexpected argument \"b\"; usage: ledger history QUERY [--json]"),
                (["log", "extra"], "ledger log: unexpected argument \"extra\"; usage: ledger log [--source S] [--json]"),
                (["status", "extra"], "ledger status: unexpected argument \"extra\"; usage: \(StatusCommand.spec.usage)"),
                (["summary", "1", "2"], "ledger summary: unexpected argument \"2\"; usage: \(SummaryCommand.spec.usage)"),
                (["verify", "extra"], "ledger verify: unexpected argument \"extra\"; usage: ledger verify [--json]"),
            ]
            for (arguments, message) in cases {
                let r = s.run(arguments)
                #expect(r.code == 2, "\(arguments)")
                #expect(r.out == "", "\(arguments)")
                #expect(r.errLine == message, "\(arguments)")
            }
            #expect(s.logBytes() == nil)
        }
    }

    @Test("bad option values are usage errors, exit 2")
    func badValues() throws {
        try withScratch { s in
            let cases: [([String], String)] = [
                (["import", "x.tsv", "--as-of", "2024-13-45"], "ledger import: --as-of needs a date as YYYY-MM-DD (got \"2024-13-45\")"),
                (["import", "x.tsv", "--as-of", "2024-06"], "ledger import: --as-of needs a date as YYYY-MM-DD (got \"2024-06\")"),
                (["status", "--at", "yesterday"], "ledger status: --at needs a date as YYYY-MM-DD (got \"yesterday\")"),
                (["status", "--in-force", "2024-02-30"], "ledger status: --in-force needs a date as YYYY-MM-DD (got \"2024-02-30\")"),
                (["status", "--state", "bogus"], "ledger status: --state must be active, expired or closed (got \"bogus\")"),
                (["summary", "--format", "xml"], "ledger summary: --format must be markdown, json or html (got \"xml\")"),
                (["import", "x.tsv", "--source", ""], "ledger import: --source must not be empty"),
                (["inspect", "x.tsv", "--delimiter", "pipe"], "ledger inspect: --delimiter must be tab, comma or semicolon (got \"pipe\")"),
            ]
            for (arguments, message) in cases {
                let r = s.run(arguments)
                #expect(r.code == 2, "\(arguments)")
                #expect(r.out == "", "\(arguments)")
                #expect(r.errLine == message, "\(arguments)")
            }
            #expect(s.logBytes() == nil)
        }
    }

    @Test("`--version` names the log format")
    func version() {
        let r = CLI.run(["--version"])
        #expect(r.code == 0)
        #expect(r.out == "ledger (log format \(LedgerEvent.currentFormatVersion))\n")
    }
}
