import AgreementLedger

/// The `ledger` command line: dispatches to one subcommand; callable in-process so tests capture output.
public enum LedgerCommand {
    /// Runs with real stdout/stderr and returns the exit status.
    public static func main(arguments: [String]) -> Int32 {
        let console = Console.standard()
        let status = run(arguments: arguments, console: console)
        console.flush()
        return status
    }

    /// Runs with the given console; the single place where any error becomes a message and an exit code.
    public static func run(arguments: [String], console: Console) -> Int32 {
        console.error("ledger: not implemented yet")
        return 1
    }
}
