import Testing
@testable import LedgerCLI
