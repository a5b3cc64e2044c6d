import AgreementLedger

/// Every way a command can fail, each with its exit status: the one funnel from error to message to code.
///
/// Exit statuses (documented in the README; scripts rely on them):
/// 0 success, 1 bad input or a refused import, 2 wrong usage, 3 the ledger's log fails verification or
/// cannot be read, 4 an I/O failure writing the store.
enum CLIError: Error {
    case usage(String)
    case input(String)
    case ledger(String)
    case io(String)

    var exitCode: Int32 {
        switch self {
        case .input: 1
        case .usage: 2
        case .ledger: 3
        case .io: 4
        }
    }

    var message: String {
        switch self {
        case .usage(let m), .input(let m), .ledger(let m), .io(let m): m
        }
    }

    /// Any error as a CLIError.
    static func from(_ error: any Error) -> CLIError {
        switch error {
        case let e as CLIError: e
        case let e as InputError: .input(e.description)
        case let e as MappingError: .input(e.description)
        case let e as StoreError: from(e)
        default: .io(String(describing: error))
        }
    }

    /// A store error: a faulty or unreadable log is status 3 (the ledger fails verification), a failed file
    /// operation status 4.
    static func from(_ error: StoreError) -> CLIError {
        switch error {
        case .missingStore, .badLine, .writeRefused, .newerFormat: .ledger(error.description)
        case .io, .invalidBatch, .writeFailed: .io(error.description)
        }
    }
}
