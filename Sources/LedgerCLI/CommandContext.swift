import AgreementLedger

/// What every command gets: the console and where the store is.
struct CommandContext {
    let console: Console
    /// `--ledger DIR`, else $LEDGER_DIR, else ./Ledger.
    let ledgerDirectory: String
    let environment: [String: String]
}
