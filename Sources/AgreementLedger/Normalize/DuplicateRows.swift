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

    static func kindsCompatible(_ a: AgreementRecord, _ b: AgreementRecord) -> Bool {
        guard let x = a.kind, let y = b.kind else { return true }
        return PartnerName.folded(x) == PartnerName.folded(y)
    }

    /// Groups of indices of records describing one agreement, two or more each, in order of first
    /// appearance (a record alone in its group is in none: most lists repeat few rows).
    public static func repeated(_ records: [AgreementRecord]) -> [[Int]] {
        // Groups are named by their first record; most keys have one group of one record.
        var firstByKey: [Key: Int] = [:]
        firstByKey.reserveCapacity(records.count)
        var moreGroupsByKey: [Key: [Int]] = [:]  // further groups of a key whose kinds contradict
        var members: [Int: [Int]] = [:]
        // The keys (a folded name each) on all cores; the grouping after them is in order.
        let keys = ParallelChunks.mapEach(count: records.count, chunkSize: 8192) { key(records[$0]) }
        for (i, r) in records.enumerated() {
            let k = keys[i]
            guard let first = firstByKey[k] else {
                firstByKey[k] = i
                continue
            }
            let candidates = [first] + (moreGroupsByKey[k] ?? [])
            if let g = candidates.first(where: { g in
                (members[g] ?? [g]).allSatisfy { kindsCompatible(records[$0], r) && records[$0].row != r.row }
            }) {
                members[g, default: [g]].append(i)
            } else {
                moreGroupsByKey[k, default: []].append(i)
            }
        }
        return members.keys.sorted().map { members[$0]! }
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
