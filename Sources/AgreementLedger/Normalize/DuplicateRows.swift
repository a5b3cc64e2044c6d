/// Finds rows that repeat another row's agreement: `inspect` reports them, `import` counts them once.
///
/// Two records are the same agreement when partner (folded), signing date and country agree and their
/// kinds do not contradict (equal, or one empty): the Bosnian list's second "Federalni zavod" row
/// with empty cells repeats the full one, while a partner's MoU and exchange agreement of one year stay two.
public enum DuplicateRows {
    struct Key: Hashable {
        let partner: String
        let signed: PartialDate?
        let country: String
    }

    static func key(_ r: AgreementRecord) -> Key {
        Key(partner: PartnerName.folded(r.partner), signed: r.signed,
            country: r.countryCode ?? PartnerName.folded(r.country ?? ""))
    }

    /// A hash of `key(r)` made from the key's bytes, without building its strings (`scratch` is reused from
    /// record to record): equal keys give equal hashes, as their parts are equal strings and dates.
    static func keyHash(_ r: AgreementRecord, scratch: inout [UInt8]) -> Int {
        scratch.removeAll(keepingCapacity: true)
        // A NUL never survives folding (it reads as a separator), so it parts the key's pieces.
        PartnerName.fold(r.partner, into: &scratch)
        scratch.append(0)
        if let code = r.countryCode { scratch.append(contentsOf: code.utf8) } else { PartnerName.fold(r.country ?? "", into: &scratch) }
        scratch.append(0)
        if let d = r.signed {
            withUnsafeBytes(of: Int64(d.year).littleEndian) { scratch.append(contentsOf: $0) }
            scratch.append(UInt8(d.month ?? 0))
            scratch.append(UInt8(d.day ?? 0))
        }
        return Int(truncatingIfNeeded: scratch.withUnsafeBufferPointer { ByteHash.of($0) })
    }

    static func kindsCompatible(_ a: AgreementRecord, _ b: AgreementRecord) -> Bool {
        guard let x = a.kind, let y = b.kind else { return true }
        return PartnerName.folded(x) == PartnerName.folded(y)
    }

    /// Groups of indices of records describing one agreement, two or more each, in order of first
    /// appearance (a record alone in its group is in none: most lists repeat few rows).
    public static func repeated(_ records: [AgreementRecord]) -> [[Int]] {
        // The keys' hashes on all cores (a folded name each, let go at once: a million keys held would set the
        // import's peak memory); records of one hash are then taken together, key by key, in file order.
        let hashes = ParallelChunks.map(count: records.count, chunkSize: 8192) { range in
            var scratch: [UInt8] = []
            scratch.reserveCapacity(256)
            return range.map { keyHash(records[$0], scratch: &scratch) }
        }
        let order = HashOrder(hashes: Array(hashes.joined()))
        var groups: [[Int]] = []
        var start = 0
        while start < order.entries.count {
            let end = order.runEnd(from: start)
            if end - start > 1 {
                var run = order.entries[start..<end].map { (index: Int($0.index), key: key(records[Int($0.index)])) }
                while let first = run.first {
                    groups += repeated(records, sharingKey: run.filter { $0.key == first.key }.map(\.index))
                    run.removeAll { $0.key == first.key }
                }
            }
            start = end
        }
        return groups.sorted { $0[0] < $1[0] }
    }

    /// The groups, two or more records each, among records of one key (`indices` ascending): each record joins
    /// the first group whose members all leave its kind open and stand on other rows, else starts a group.
    private static func repeated(_ records: [AgreementRecord], sharingKey indices: [Int]) -> [[Int]] {
        var groups: [[Int]] = []
        for i in indices {
            let r = records[i]
            if let g = groups.firstIndex(where: { $0.allSatisfy { kindsCompatible(records[$0], r) && records[$0].row != r.row } }) {
                groups[g].append(i)
            } else {
                groups.append([i])
            }
        }
        return groups.filter { $0.count > 1 }
    }

    /// One warning per later row that repeats an earlier one (`repeated` as `repeated(records)` gives).
    public static func warnings(_ records: [AgreementRecord], repeated: [[Int]]) -> [RowWarning] {
        repeated.flatMap { group in
            group.dropFirst().map { i in
                let first = records[group[0]], r = records[i]
                let how = comparable(first) == comparable(r) ? "repeats"
                    : filledCount(r) < filledCount(first) ? "repeats, with fewer cells filled,"
                    : filledCount(r) > filledCount(first) ? "repeats, with more cells filled," : "names the same agreement as"
                return RowWarning(row: r.row, message: "this row \(how) row \(first.row) (\(r.partner))")
            }
        }
    }

    /// The records with each repeated agreement once, where its first row stood: the fullest row, its
    /// empty cells filled from the others (`repeated` as `repeated(records)` gives).
    public static func merge(_ records: [AgreementRecord], repeated: [[Int]]) -> (records: [AgreementRecord], warnings: [RowWarning]) {
        if repeated.isEmpty { return (records, []) }
        var groupOfFirst: [Int: [Int]] = [:]
        var later = Set<Int>()
        for group in repeated {
            groupOfFirst[group[0]] = group
            later.formUnion(group.dropFirst())
        }
        var out: [AgreementRecord] = []
        out.reserveCapacity(records.count - later.count)
        var warnings: [RowWarning] = []
        for i in records.indices where !later.contains(i) {
            guard let group = groupOfFirst[i] else { out.append(records[i]); continue }
            let fullest = group.max { filledCount(records[$0]) < filledCount(records[$1]) || (filledCount(records[$0]) == filledCount(records[$1]) && $0 > $1) }!
            var r = records[fullest]
            for i in group where i != fullest {
                let o = records[i]
                r.country = r.country ?? o.country
                r.countryCode = r.countryCode ?? o.countryCode
                r.city = r.city ?? o.city
                r.validUntil = r.validUntil ?? o.validUntil
                r.term = r.term ?? o.term
                r.status = r.status ?? o.status
                r.kind = r.kind ?? o.kind
                r.reference = r.reference ?? o.reference
                r.url = r.url ?? o.url
                r.indefinite = r.indefinite || o.indefinite
            }
            let rows = group.map { String(records[$0].row) }.joined(separator: ", ")
            warnings.append(RowWarning(row: r.row, message: "rows \(rows) are one agreement (\(r.partner)); counted once, with the fuller cells"))
            out.append(r)
        }
        return (out, warnings)
    }

    static func comparable(_ r: AgreementRecord) -> AgreementRecord {
        var c = r
        c.row = 0
        c.extra = [:]
        return c
    }

    /// How many RECORD fields hold a value.
    public static func filledCount(_ r: AgreementRecord) -> Int {
        let optionals: [Any?] = [r.country, r.city, r.signed, r.validUntil, r.term, r.status, r.kind, r.reference, r.url]
        return optionals.filter { $0 != nil }.count + (r.indefinite ? 1 : 0)
    }
}
