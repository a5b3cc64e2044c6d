import AgreementLedger
import Foundation

/// Opening the store for commands, with its errors mapped to exit statuses.
enum StoreAccess {
    /// The committed events, or none when the store does not exist yet.
    static func events(_ context: CommandContext) throws(CLIError) -> [LedgerEvent] {
        guard FileManager.default.fileExists(atPath: context.ledgerDirectory) else { return [] }
        do {
            return try EventStore(directory: context.ledgerDirectory, create: false).readCommitted()
        } catch {
            throw .ledger(error.description)
        }
    }

    /// The current state of every agreement, or an empty one when the store does not exist yet.
    static func state(_ context: CommandContext) throws(CLIError) -> LedgerState {
        guard FileManager.default.fileExists(atPath: context.ledgerDirectory) else { return LedgerState() }
        do {
            return try EventStore(directory: context.ledgerDirectory, create: false).readState()
        } catch {
            throw .ledger(error.description)
        }
    }

    /// `read` applied to the store, or nil when the store does not exist yet; store errors map to exit 3.
    static func reading<T>(_ context: CommandContext, _ read: (EventStore) throws(StoreError) -> T) throws(CLIError) -> T? {
        guard let store = try existing(context) else { return nil }
        do {
            return try read(store)
        } catch {
            throw .ledger(error.description)
        }
    }

    /// The store when its directory exists (nothing is created), else nil.
    static func existing(_ context: CommandContext) throws(CLIError) -> EventStore? {
        guard FileManager.default.fileExists(atPath: context.ledgerDirectory) else { return nil }
        do {
            return try EventStore(directory: context.ledgerDirectory, create: false)
        } catch {
            throw .ledger(error.description)
        }
    }

    /// The store for writing, created when missing.
    static func open(_ context: CommandContext) throws(CLIError) -> EventStore {
        do {
            return try EventStore(directory: context.ledgerDirectory, create: true)
        } catch {
            throw .ledger(error.description)
        }
    }

    /// Parses a YYYY-MM-DD option value.
    static func day(_ args: ParsedArguments, _ name: String) throws(CLIError) -> PartialDate? {
        guard let text = args.value(name) else { return nil }
        guard let d = PartialDate(text), d.isFullDate else {
            throw .usage("\(name) needs a date as YYYY-MM-DD (got \"\(text)\")")
        }
        return d
    }
}
