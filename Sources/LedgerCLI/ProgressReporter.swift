import Foundation

/// Progress lines on stderr for work that takes a while: shown on a terminal once the work has run for
/// a second (quick commands stay quiet), or always with `--progress`; never on stdout.
final class ProgressReporter {
    private let console: Console
    private let label: String
    private let forced: Bool
    private let enabled: Bool
    private let start = Date()

    init(console: Console, label: String, forced: Bool) {
        self.console = console
        self.label = label
        self.forced = forced
        self.enabled = forced || console.stderrIsTerminal
    }

    /// Reports one step, if progress is wanted and (unless forced) the work has run for a second.
    func step(_ text: String) {
        guard enabled, forced || Date().timeIntervalSince(start) >= 1 else { return }
        console.error("\(label): \(text)")
    }
}
