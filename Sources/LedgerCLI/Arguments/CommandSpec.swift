/// What a subcommand accepts and how `--help` describes it.
struct CommandSpec {
    struct Option {
        let name: String
        /// Nil for a flag; the placeholder shown in help for an option with a value.
        let value: String?
        let help: String
    }

    let name: String
    let summary: String
    let usage: String
    let options: [Option]
    let examples: [String]
    /// Positional arguments allowed: minimum and maximum (nil = unbounded).
    let positionals: ClosedRange<Int>?
    let minimumPositionals: Int

    init(name: String, summary: String, usage: String, options: [Option], examples: [String],
         positionals min: Int = 0, max: Int? = 0) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.options = options + CommandSpec.common
        self.examples = examples
        self.minimumPositionals = min
        self.positionals = max.map { min...$0 }
    }

    /// Options every command takes.
    static let common: [Option] = [
        Option(name: "--ledger", value: "DIR", help: "the store to use (default: $LEDGER_DIR, else ./Ledger)"),
        Option(name: "--help", value: nil, help: "show this help"),
    ]

    var helpText: String {
        var lines = ["\(summary)", "", "Usage: \(usage)", "", "Options:"]
        let width = options.map { $0.name.count + ($0.value.map { $0.count + 1 } ?? 0) }.max() ?? 0
        for option in options {
            let left = option.name + (option.value.map { " " + $0 } ?? "")
            lines.append("  " + left + String(repeating: " ", count: width - left.count + 2) + option.help)
        }
        if !examples.isEmpty {
            lines.append("")
            lines.append("Examples:")
            lines += examples.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
