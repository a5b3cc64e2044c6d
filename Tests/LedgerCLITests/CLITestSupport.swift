import AgreementLedger
import Foundation
@testable import LedgerCLI
import Testing

/// What one in-process run of `ledger` produced.
struct CLIResult {
    let code: Int32
    let out: String
    let err: String

    /// stdout parsed as JSON (fails the test, returning null, when it is not JSON).
    func json(sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
        do {
            return try JSONParser.parse(out)
        } catch {
            Issue.record("stdout is not JSON (\(error)): \(out.prefix(300))", sourceLocation: sourceLocation)
            return .null
        }
    }

    /// stderr without its final newline.
    var errLine: String { err.hasSuffix("\n") ? String(err.dropLast()) : err }
}

/// A fresh temporary directory: holds the store (`store`, not yet created) and any files a test writes.
/// Removed by `withScratch` when the test ends.
struct Scratch {
    let root: String
    var store: String { root + "/store" }
    var log: String { store + "/" + EventStore.logFileName }

    /// Runs `ledger ARGS --ledger STORE` in-process.
    func run(_ arguments: [String]) -> CLIResult {
        CLI.run(arguments + ["--ledger", store])
    }

    /// Runs `ledger ARGS` with LEDGER_DIR=STORE in the environment.
    func runWithEnvironment(_ arguments: [String]) -> CLIResult {
        CLI.run(arguments, environment: ["LEDGER_DIR": store])
    }

    /// Writes `bytes` to `name` in the scratch directory; returns its path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = root + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes UTF-8 `text` to `name`; returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// The log's bytes, or nil when the log does not exist.
    func logBytes() -> [UInt8]? {
        FileManager.default.contents(atPath: log).map { Array($0) }
    }

    /// Imports the English samples 1...n in order (n = 1, 2 or 3), requiring success.
    func importEnglish(_ n: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for file in Samples.english.prefix(n) {
            let r = run(["import", file, "--source", "english"])
            #expect(r.code == 0, "import \(file): \(r.err)", sourceLocation: sourceLocation)
        }
    }
}

/// Runs `body` with a fresh scratch directory, removed afterwards.
func withScratch<T>(_ body: (Scratch) throws -> T) throws -> T {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("ledger-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    return try body(Scratch(root: root))
}

enum CLI {
    /// Runs `ledger ARGS` in-process with a capturing console and only the given environment. Commands that
    /// touch a store go through `Scratch.run`, which adds `--ledger`, so no test ever reaches ./Ledger.
    static func run(_ arguments: [String], environment: [String: String] = [:]) -> CLIResult {
        let console = Console.capturing()
        let code = LedgerCommand.run(arguments: arguments, console: console, environment: environment)
        return CLIResult(code: code, out: console.capturedOut, err: console.capturedErr)
    }
}

/// The repository's sample snapshots, located from this file's path.
enum Samples {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/LedgerCLITests/CLITestSupport.swift
        return url.path
    }()

    static func path(_ relative: String) -> String { repositoryRoot + "/Ledger/samples/" + relative }

    static let englishFirst = path("english/2022-01-17.tsv")
    static let englishSecond = path("english/2023-01-16.tsv")
    static let englishThird = path("english/2023-03-01.csv")
    static let english = [englishFirst, englishSecond, englishThird]

    static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { Array($0) } ?? []
    }
}

extension JSONValue {
    /// The keys of an object, sorted (empty for anything else).
    var keys: [String] { (objectValue ?? [:]).keys.sorted() }
    /// Array elements (empty for anything else).
    var items: [JSONValue] { arrayValue ?? [] }
    /// `self[key]` as a string.
    func string(_ key: String) -> String? { self[key]?.stringValue }
    /// `self[key]` as an int.
    func int(_ key: String) -> Int? { self[key]?.intValue }
}

/// The counts object `{"signed":..,"renewed":..,"amended":..,"expired":..,"closed":..}` for comparisons.
func counts(_ signed: Int, _ renewed: Int, _ amended: Int, _ expired: Int, _ closed: Int) -> JSONValue {
    .object(["signed": .int(signed), "renewed": .int(renewed), "amended": .int(amended),
             "expired": .int(expired), "closed": .int(closed)])
}
