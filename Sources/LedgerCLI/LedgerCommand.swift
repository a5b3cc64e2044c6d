import AgreementLedger
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `ledger` command line: dispatches to one subcommand; callable in-process so tests capture output.
public enum LedgerCommand {
    typealias Runner = (ParsedArguments, CommandContext) throws(CLIError) -> Void

    static var commands: [(spec: CommandSpec, run: Runner)] { [
        (InspectCommand.spec, InspectCommand.run),
        (ImportCommand.spec, ImportCommand.run),
        (StatusCommand.spec, StatusCommand.run),
        (HistoryCommand.spec, HistoryCommand.run),
        (LogCommand.spec, LogCommand.run),
        (SummaryCommand.spec, SummaryCommand.run),
        (ExpiringCommand.spec, ExpiringCommand.run),
        (ReportCommand.spec, ReportCommand.run),
        (VerifyCommand.spec, VerifyCommand.run),
    ] }

    /// Runs with real stdout/stderr and returns the exit status.
    public static func main(arguments: [String]) -> Int32 {
        // Past a file-size limit (`ulimit -f`) a write must fail with EFBIG, which the store rolls back and
        // reports, rather than kill the process half-way through an append.
        signal(SIGXFSZ, SIG_IGN)
        #if canImport(Glibc)
        // Big buffers (row batches, serialized windows, a checkpoint's bytes) are mapped and given back to the
        // system when freed. Left to glibc, the threshold rises after the first big free, later ones come from
        // the heap and stay resident: 10-20% more peak memory on a big import.
        // (mallopt is not in Swift's Glibc module; M_MMAP_THRESHOLD is -3 in malloc.h.)
        if let mallopt = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            _ = unsafeBitCast(mallopt, to: Mallopt.self)(-3, 128 * 1024)
        }
        #endif
        let console = Console.standard()
        let status = run(arguments: arguments, console: console, environment: ProcessInfo.processInfo.environment)
        console.flush()
        return status
    }

    /// Runs with the given console; the single place where any error becomes a message and an exit code.
    public static func run(arguments: [String], console: Console, environment: [String: String] = [:]) -> Int32 {
        guard let name = arguments.first, name != "--help", name != "-h", name != "help" else {
            if arguments.count > 1 {
                // `ledger help COMMAND`: that command's help; an unknown name is reported as such.
                guard let spec = commands.first(where: { $0.spec.name == arguments[1] })?.spec else {
                    console.error(unknownCommand(arguments[1]))
                    return 2
                }
                console.print(spec.helpText)
            } else {
                console.print(overview)
            }
            return arguments.isEmpty ? 2 : 0
        }
        if name == "--version" {
            console.print("ledger (log format \(LedgerEvent.currentFormatVersion))")
            return 0
        }
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            console.error(unknownCommand(name))
            return 2
        }
        do {
            let args = try ParsedArguments.scan(Array(arguments.dropFirst()), spec: command.spec)
            if args.has("--help") {
                console.print(command.spec.helpText)
                return 0
            }
            let directory = args.value("--ledger") ?? environment["LEDGER_DIR"] ?? "Ledger"
            try command.run(args, CommandContext(console: console, ledgerDirectory: directory, environment: environment))
            return 0
        } catch {
            console.error("ledger \(name): \(error.message)")
            return error.exitCode
        }
    }

    /// "ledger: unknown command 'x'." with the nearest command name when one is close.
    static func unknownCommand(_ name: String) -> String {
        let names = commands.map(\.spec.name)
        let best = names.min { EditDistance.between(name, $0) < EditDistance.between(name, $1) }
        let hint = best.map { EditDistance.between(name, $0) <= 3 ? " Did you mean '\($0)'?" : "" } ?? ""
        return "ledger: unknown command '\(name)'.\(hint) See 'ledger --help'."
    }

    static var overview: String {
        var lines = [
            "ledger: an event-sourced ledger of partner agreements, built from the lists offices export.",
            "",
            "Usage: ledger COMMAND [options]    (ledger COMMAND --help for details)",
            "",
            "Commands:",
        ]
        let width = commands.map(\.spec.name.count).max() ?? 0
        for c in commands {
            lines.append("  " + c.spec.name + String(repeating: " ", count: width - c.spec.name.count + 2) + c.spec.summary)
        }
        lines += [
            "",
            "The store is ./Ledger unless --ledger DIR or $LEDGER_DIR says otherwise; its log is events.jsonl.",
            "Exit status: 0 success, 1 bad input or refused import, 2 wrong usage, 3 ledger fails verification, 4 I/O failure.",
        ]
        return lines.joined(separator: "\n")
    }
}
