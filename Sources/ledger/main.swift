import LedgerCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(LedgerCommand.main(arguments: Array(CommandLine.arguments.dropFirst())))
