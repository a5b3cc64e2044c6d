import Foundation

/// Runs `ledger import`: reads every file first (a bad file fails the whole call before anything is
/// written), orders them by recorded date, and appends each as one atomic batch under the store's lock.
public struct Importer {
    public let store: EventStore
    public var reader: SnapshotReader
    /// The date used when neither `--as-of` nor the file states one (UTC today; fixed in tests).
    public var today: PartialDate

    public init(store: EventStore, reader: SnapshotReader = SnapshotReader(), today: PartialDate = .today()) {
        self.store = store
        self.reader = reader
        self.today = today
    }

    /// Imports `paths` into `source`; returns one outcome per file, in the order they were applied.
    /// With `allowMassClosure` false (the default), an import that would close more than a third of the
    /// source's active agreements, or a snapshot with no agreement rows at all, is refused: a truncated
    /// export must not read as mass terminations. Without `keepingEvents` a real import's outcomes list no
    /// events (the counts say what happened), so a million-row import does not hold its events after writing.
    public func importFiles(_ paths: [String], source: String, asOf: PartialDate?, dryRun: Bool = false,
                            allowMassClosure: Bool = false, keepingEvents: Bool = true,
                            progress: ((String) -> Void)? = nil) throws -> [ImportOutcome] {
        var loaded: [(path: String, snapshot: Snapshot, sha: String, recorded: PartialDate)] = []
        // A ledger with no line yet has no agreement to match a record against: its records need no content hash
        // (should another writer get there first, matching works the hashes out itself).
        var reader = self.reader
        if LogFile.isEmpty(store.logPath) { reader.remembersContentHashes = false }
        for path in paths {
            progress?("reading \(path)")
            let (snapshot, sha) = try reader.read(path: path)
            loaded.append((path, snapshot, sha, asOf ?? snapshot.asOf ?? today))
        }
        // A stable sort: files of the same date keep the order given.
        var ordered = loaded.enumerated().sorted { a, b in
            a.element.recorded != b.element.recorded ? a.element.recorded < b.element.recorded : a.offset < b.offset
        }.map(\.element)
        loaded = []

        var outcomes: [ImportOutcome] = []
        // On a dry run, what earlier files of this call would have appended, so later ones diff against it.
        var pending: [LedgerEvent] = []
        for index in ordered.indices {
            // The records are taken out of the list and let go once diffed: the events carry what they need.
            var records = ordered[index].snapshot.records
            ordered[index].snapshot.records = []
            let file = ordered[index]
            progress?("importing \(file.path)")
            let name = URL(fileURLWithPath: file.path).lastPathComponent
            var outcome: ImportOutcome?
            var refusal: InputError?
            // The snapshot's partner names, so that the ledger's equal ones share their storage as it is read.
            var written = try store.transaction(returningBatch: keepingEvents, sharing: { HeldStrings(records.map(\.partner)) }) { stored in
                var state = stored
                for event in pending { state.apply(event) }
                if let last = state.lastImport[source] {
                    if last.sha256 == file.sha {
                        outcome = ImportOutcome(importID: nil, source: source, recorded: file.recorded, file: name, path: file.path,
                                                sha256: file.sha, counts: EventCounts(), events: [],
                                                warnings: file.snapshot.warnings, unchanged: true, dryRun: dryRun)
                        return nil
                    }
                    if file.recorded < last.recorded {
                        refusal = InputError(file: file.path, message:
                            "dated \(file.recorded), before source \"\(source)\"'s latest import (\(last.recorded)); imports of a source must come in date order (use --as-of to date it)")
                        return nil
                    }
                }
                let importID = String(state.importCount + 1)
                let differ = SnapshotDiffer(source: source, recorded: file.recorded, importID: importID)
                let rowCount = records.count
                var (events, warnings) = Importer.diff(records, repeatedRows: file.snapshot.repeatedRows,
                                                       source: source, state: state, differ: differ)
                // Let go on another core: freeing a million records need not hold up the append.
                var diffed: [AgreementRecord] = []
                swap(&diffed, &records)
                BackgroundRelease.release(consume diffed)
                var counts = EventCounts()
                events.forEachInPlace { _, e in counts[e.pointee.type] += 1 }
                if !allowMassClosure {
                    var active = 0
                    state.agreements.forEachInPlace { _, a in
                        if a.pointee.source == source && a.pointee.state == .active { active += 1 }
                    }
                    if rowCount == 0 {
                        let effect = active > 0 ? "; importing it would close all \(active) active agreements of \"\(source)\"" : ""
                        refusal = InputError(file: file.path, message:
                            "has a header but no agreement rows\(effect) (a truncated export?); pass --allow-mass-closure if that is really so")
                        return nil
                    }
                    if active > 0 && counts.closed * 3 > active {
                        refusal = InputError(file: file.path, message:
                            "would close \(counts.closed) of the \(active) active agreements of \"\(source)\" (more than a third; a truncated export?); pass --allow-mass-closure if that is really so")
                        return nil
                    }
                }
                // A real import's outcome gets the events as written (seq and hash set) below; holding them
                // here too would keep a big batch in memory twice.
                outcome = ImportOutcome(importID: importID, source: source, recorded: file.recorded, file: name, path: file.path,
                                        sha256: file.sha, counts: counts, events: dryRun ? events : [],
                                        warnings: file.snapshot.warnings + warnings, unchanged: false, dryRun: dryRun)
                let closing = LedgerEvent(type: .imported, importID: importID, source: source, recorded: file.recorded,
                                          file: name, sha256: file.sha, counts: counts,
                                          formatVersion: LedgerEvent.currentFormatVersion)
                if dryRun {
                    for (i, var e) in (events + [closing]).enumerated() {
                        e.seq = state.lastSeq + 1 + i
                        pending.append(e)
                    }
                    return nil
                }
                // Appended in place: a copy of a million-event batch would double it.
                events.append(closing)
                return events
            }
            if let refusal { throw refusal }
            guard var result = outcome else { continue }
            if !written.isEmpty {
                written.removeLast()  // the closing `imported` event
                result.events = written
            }
            outcomes.append(result)
        }
        return outcomes
    }

    /// The diff against the source's agreements, new ids checked against the state's own index (no copy of a
    /// million ids for one import).
    private static func diff(_ records: [AgreementRecord], repeatedRows: [[Int]], source: String, state: LedgerState,
                             differ: SnapshotDiffer) -> (events: [LedgerEvent], warnings: [RowWarning]) {
        differ.diff(records: records, repeatedRows: repeatedRows, known: state.ordered(source: source),
                    isTaken: { state.position(of: $0) != nil })
    }
}
