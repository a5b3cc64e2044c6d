import AgreementLedger

/// A command line scanned against a `CommandSpec`.
struct ParsedArguments {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    /// The last value given for `name` ("--source"), if any.
    func value(_ name: String) -> String? { values[name]?.last }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// Scans `arguments`; `--name value`, `--name=value` and `--` (end of options) are understood.
    static func scan(_ arguments: [String], spec: CommandSpec) throws(CLIError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var i = 0
        var optionsEnded = false
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
                parsed.positionals.append(arg)
                continue
            }
            if arg == "--" { optionsEnded = true; continue }
            var name = arg
            var inline: String?
            if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            if name == "-h" { name = "--help" }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                throw CLIError.usage(unknownOption(name, spec: spec))
            }
            if option.value != nil {
                if let inline {
                    parsed.values[name, default: []].append(inline)
                } else {
                    guard i < arguments.count else {
                        throw CLIError.usage("\(name) needs a value (\(option.value!)); see 'ledger \(spec.name) --help'")
                    }
                    parsed.values[name, default: []].append(arguments[i])
                    i += 1
                }
            } else {
                if inline != nil { throw CLIError.usage("\(name) takes no value") }
                parsed.flags.insert(name)
            }
        }
        if parsed.has("--help") { return parsed }
        if parsed.positionals.count < spec.minimumPositionals {
            throw CLIError.usage("missing argument; usage: \(spec.usage)")
        }
        if let range = spec.positionals, !range.contains(parsed.positionals.count) {
            throw CLIError.usage("unexpected argument \"\(parsed.positionals[range.upperBound])\"; usage: \(spec.usage)")
        }
        return parsed
    }

    static func unknownOption(_ name: String, spec: CommandSpec) -> String {
        let names = spec.options.map(\.name)
        let best = names.min { EditDistance.between(name, $0) < EditDistance.between(name, $1) }
        if let best, EditDistance.between(name, best) <= max(2, name.count / 3) {
            return "Unknown option \(name). Did you mean \(best)?"
        }
        return "Unknown option \(name). See 'ledger \(spec.name) --help'."
    }
}
