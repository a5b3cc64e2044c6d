/// Pairs a snapshot's records one-to-one with the source's known agreements.
///
/// Stages go from the surest evidence to the weakest, each only on what the earlier left:
/// 0. a record identical to an agreement's latest fields (every RECORD field but `row`), when that
/// content is unique on both sides: most rows of a monthly export, settled without folding a name;
/// 1. the registration number; 2. folded partner + country + signing date + kind; 3. the same without
/// kind; 4. partner + country when the new signing is the same or later (a re-signing renews);
/// 5. partner alone when unique (a corrected country); 6. similar names (a corrected typo) in the same
/// country with compatible dates, chosen as the best overall assignment rather than first come first served.
public enum AgreementMatcher {
    public struct Result: Sendable {
        /// (index into the new records, index into the known agreements): indices rather than ids, so that the
        /// diff reads each known agreement where it is instead of looking a million ids up again.
        public var pairs: [(new: Int, known: Int)]
        public var unmatchedNew: [Int]
        /// Indices into the known agreements, in their order.
        public var unmatchedKnown: [Int]
    }

    public static func match(new records: [AgreementRecord], known: [AgreementState]) -> Result {
        if known.isEmpty || records.isEmpty {
            return Result(pairs: [], unmatchedNew: Array(records.indices), unmatchedKnown: Array(known.indices))
        }
        var (pairs, freeNew, freeKnown) = identical(new: records, known: known)
        // Stage 0's pairs come in record order; only the later stages' need sorting before the two are merged.
        let identicalCount = pairs.count
        // Fold every remaining name once: the stages below compare these keys many times.
        // By record index, for the records still free only (most of a big list pairs in stage 0).
        // The names are folded on all cores; the dictionaries are then filled in order.
        let (newFolded, knownFolded) = ParallelChunks.both(
            { [freeNew] in ParallelChunks.mapEach(count: freeNew.count, chunkSize: 4096) { i in
                (AgreementKey(records[freeNew[i]]), AgreementKey.reference(records[freeNew[i]])) } },
            { [freeKnown] in ParallelChunks.mapEach(count: freeKnown.count, chunkSize: 4096) { i in
                (AgreementKey(known[freeKnown[i]].record), AgreementKey.reference(known[freeKnown[i]].record)) } })
        var newKeys: [Int: AgreementKey] = [:], newRefs: [Int: String] = [:]
        newKeys.reserveCapacity(freeNew.count)
        for (n, folded) in zip(freeNew, newFolded) {
            newKeys[n] = folded.0
            newRefs[n] = folded.1
        }
        var knownKeys: [Int: AgreementKey] = [:]
        var knownRefs: [Int: String] = [:]
        knownKeys.reserveCapacity(freeKnown.count)
        for (k, folded) in zip(freeKnown, knownFolded) {
            knownKeys[k] = folded.0
            knownRefs[k] = folded.1
        }

        func pairBy<K: Hashable>(_ newKey: (Int) -> K?, _ knownKey: (Int) -> K?,
                                 uniqueOnly: Bool, accept: (AgreementRecord, AgreementState) -> Bool = { _, _ in true }) {
            if freeNew.isEmpty || freeKnown.isEmpty { return }
            var knownGroups: [K: [Int]] = [:]
            for (i, k) in freeKnown.enumerated() {
                if let key = knownKey(k) { knownGroups[key, default: []].append(i) }
            }
            var newGroups: [K: [Int]] = [:]
            var order: [K] = []
            for n in freeNew {
                guard let key = newKey(n) else { continue }
                if newGroups[key] == nil { order.append(key) }
                newGroups[key, default: []].append(n)
            }
            var takenNew = Set<Int>(), takenKnown = Set<Int>()
            for key in order {
                guard let ns = newGroups[key], let ks = knownGroups[key] else { continue }
                if uniqueOnly && (ns.count != 1 || ks.count != 1) { continue }
                for (n, k) in zip(ns, ks) where accept(records[n], known[freeKnown[k]]) {
                    pairs.append((n, freeKnown[k]))
                    takenNew.insert(n)
                    takenKnown.insert(k)
                }
            }
            if takenNew.isEmpty { return }
            freeNew.removeAll { takenNew.contains($0) }
            freeKnown = freeKnown.enumerated().filter { !takenKnown.contains($0.offset) }.map(\.element)
        }

        pairBy({ newRefs[$0] }, { knownRefs[$0] ?? nil }, uniqueOnly: true)
        pairBy({ newKeys[$0] }, { knownKeys[$0] }, uniqueOnly: false)
        pairBy({ n in let a = newKeys[n]!; return [a.partner, a.country, a.signed] },
               { k in let a = knownKeys[k]!; return [a.partner, a.country, a.signed] }, uniqueOnly: false)
        pairBy({ n in let a = newKeys[n]!; return [a.partner, a.country] },
               { k in let a = knownKeys[k]!; return [a.partner, a.country] }, uniqueOnly: true,
               accept: { new, old in datesCompatible(new.signed, old.record.signed, allowLater: true) })
        pairBy({ newKeys[$0]!.partner }, { knownKeys[$0]!.partner }, uniqueOnly: true,
               accept: { new, old in datesCompatible(new.signed, old.record.signed, allowLater: false) })
        let fuzzy = similarNames(records: records, known: known, newKeys: newKeys, knownKeys: knownKeys,
                                 freeNew: freeNew, freeKnown: freeKnown)
        pairs += fuzzy
        let fuzzyNew = Set(fuzzy.map(\.new)), fuzzyKnown = Set(fuzzy.map(\.known))
        freeNew.removeAll { fuzzyNew.contains($0) }
        freeKnown.removeAll { fuzzyKnown.contains($0) }
        return Result(pairs: mergedByRecord(pairs, sortedPrefix: identicalCount), unmatchedNew: freeNew,
                      unmatchedKnown: freeKnown)
    }

    /// `pairs` ordered by record index, its first `sortedPrefix` already in that order.
    static func mergedByRecord<K>(_ pairs: [(new: Int, known: K)], sortedPrefix: Int) -> [(new: Int, known: K)] {
        let rest = pairs[sortedPrefix...].sorted { $0.new < $1.new }
        if rest.isEmpty { return pairs }
        var merged: [(new: Int, known: K)] = []
        merged.reserveCapacity(pairs.count)
        var i = 0, j = rest.startIndex
        while i < sortedPrefix || j < rest.endIndex {
            if j == rest.endIndex || (i < sortedPrefix && pairs[i].new < rest[j].new) {
                merged.append(pairs[i])
                i += 1
            } else {
                merged.append(rest[j])
                j += 1
            }
        }
        return merged
    }

    /// Stage 0: pairs of a new record and a known agreement whose latest record is identical, when no other
    /// record on either side has that content; returns those pairs and what is left on each side (as indices).
    static func identical(new records: [AgreementRecord], known: [AgreementState])
        -> (pairs: [(new: Int, known: Int)], freeNew: [Int], freeKnown: [Int]) {
        // The content hashes on all cores, each side sorted by hash, then both walked together once: equal
        // hashes sit together (sorted arrays, not hash tables: less memory at a million agreements), and no
        // lookup jumps around memory as a search per record did.
        let knownHashes = ParallelChunks.mapEach(count: known.count, chunkSize: 8192) { k in
            known.withUnsafeBufferPointer { $0[k].record.contentHash }
        }
        let newHashes = ParallelChunks.mapEach(count: records.count, chunkSize: 8192) { records[$0].contentHash }
        // Both sides sorted at once, one on each core.
        let orders = ParallelChunks.mapEach(count: 2, chunkSize: 1) { HashOrder(hashes: $0 == 0 ? knownHashes : newHashes) }
        let (knownByHash, newByHash) = (orders[0], orders[1])
        // For each new record, the known agreement that alone has its hash, when the record alone has it too.
        var candidate = [Int32](repeating: -1, count: records.count)
        var k = 0, n = 0
        while k < knownByHash.entries.count && n < newByHash.entries.count {
            let h = knownByHash.entries[k].hash
            if h < newByHash.entries[n].hash { k += 1; continue }
            if h > newByHash.entries[n].hash { n += 1; continue }
            let knownEnd = knownByHash.runEnd(from: k), newEnd = newByHash.runEnd(from: n)
            if knownEnd == k + 1 && newEnd == n + 1 { candidate[Int(newByHash.entries[n].index)] = knownByHash.entries[k].index }
            (k, n) = (knownEnd, newEnd)
        }
        // Equal hashes are confirmed field by field, on all cores.
        let candidates = candidate
        let confirmed = ParallelChunks.mapEach(count: records.count, chunkSize: 8192) { n in
            let k = Int(candidates[n])
            // The known agreement's record read in place (a copy of the agreement would retain all of it).
            return k >= 0 && known.withUnsafeBufferPointer { $0[k].record.hasSameContent(as: records[n]) }
        }
        var pairs: [(new: Int, known: Int)] = []
        pairs.reserveCapacity(records.count)
        var freeNew: [Int] = []
        var knownTaken = [Bool](repeating: false, count: known.count)
        for n in records.indices {
            let k = Int(candidate[n])
            if confirmed[n] {
                pairs.append((n, k))
                knownTaken[k] = true
            } else {
                freeNew.append(n)
            }
        }
        return (pairs, freeNew, known.indices.filter { !knownTaken[$0] })
    }

    /// Equal, or one of them unknown, or (when `allowLater`) the new one later: a re-signing.
    static func datesCompatible(_ new: PartialDate?, _ old: PartialDate?, allowLater: Bool) -> Bool {
        guard let new, let old else { return true }
        return new == old || (allowLater && old < new)
    }

    /// Stage 6: the assignment of similar names within each country that maximizes total similarity.
    static func similarNames(records: [AgreementRecord], known: [AgreementState], newKeys: [Int: AgreementKey],
                             knownKeys: [Int: AgreementKey], freeNew: [Int], freeKnown: [Int]) -> [(new: Int, known: Int)] {
        var byCountry: [String: (new: [Int], known: [Int])] = [:]
        for n in freeNew { byCountry[newKeys[n]!.country, default: ([], [])].new.append(n) }
        for k in freeKnown { byCountry[knownKeys[k]!.country, default: ([], [])].known.append(k) }
        var pairs: [(new: Int, known: Int)] = []
        for country in byCountry.keys.sorted() {
            let group = byCountry[country]!
            guard !group.new.isEmpty, !group.known.isEmpty else { continue }
            let newNames = group.new.map { newKeys[$0]!.partner }
            let knownNames = group.known.map { knownKeys[$0]!.partner }
            var scores = [[Double]](repeating: [Double](repeating: 0, count: group.known.count), count: group.new.count)
            for i in group.new.indices {
                for j in group.known.indices
                where datesCompatible(records[group.new[i]].signed, known[group.known[j]].record.signed, allowLater: false) {
                    let s = NameSimilarity.score(newNames[i], knownNames[j])
                    if s >= NameSimilarity.threshold { scores[i][j] = s }
                }
            }
            for (i, j) in BestAssignment.maximize(scores) where scores[i][j] > 0 {
                pairs.append((group.new[i], group.known[j]))
            }
        }
        return pairs
    }
}
