/// `verify`'s check of a line written by this code: canonical (`CanonicalLineGrammar` accepts only lines that
/// writing their values again reproduces byte for byte) and holding the hash of its content, without
/// building a string, record or event. Nil for any other line: the caller then decodes it and compares it
/// with its canonical form, which accepts the same lines and names what is wrong with the others.
struct CanonicalLineCheck: CanonicalLineBuilder {
    /// What the grammar keeps of a line.
    struct Fields {
        var seq: Int
        var prev: Range<Int>
        var hash: Range<Int>
        var formatVersion: Int?
    }

    /// The result of a line the check accepts; `newerFormat` is set for an `imported` line of a later format
    /// (a fault the caller reports as such).
    enum Outcome {
        case valid(LineLink)
        case newerFormat(Int)
    }

    static func check(_ line: UnsafeBufferPointer<UInt8>) -> Outcome? { check([line])[0] }

    /// The outcomes of up to four lines, their hashes computed together (`SHA256x4`).
    static func check(_ lines: [UnsafeBufferPointer<UInt8>]) -> [Outcome?] {
        var outcomes = [Outcome?](repeating: nil, count: lines.count)
        var read: [(line: Int, fields: Fields)] = []
        read.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            guard let fields = CanonicalLineGrammar.read(line, into: CanonicalLineCheck()) else { continue }
            if let version = fields.formatVersion, version > LedgerEvent.currentFormatVersion {
                outcomes[n] = .newerFormat(version)
            } else if fields.hash.count == 64 {
                read.append((n, fields))
            }
        }
        // The grammar puts `,"hash":` after the first member, so the member and the comma before it are what
        // the hash leaves out.
        let opening = #","hash":""#.utf8.count
        let digests = SHA256x4(read.map { n, fields in
            let line = UnsafeRawBufferPointer(lines[n])
            return (UnsafeRawBufferPointer(rebasing: line[..<(fields.hash.lowerBound - opening)]),
                    UnsafeRawBufferPointer(rebasing: line[(fields.hash.upperBound + 1)...]))
        })
        for (lane, (n, fields)) in read.enumerated() {
            let line = lines[n]
            guard digests.matches(lane: lane, hex: line.baseAddress! + fields.hash.lowerBound) else { continue }
            let prev = LinkText(UnsafeBufferPointer(rebasing: line[fields.prev]))
            let hash = LinkText(UnsafeBufferPointer(rebasing: line[fields.hash]))
            outcomes[n] = .valid(LineLink(seq: fields.seq, prev: prev, hash: hash, imported: fields.formatVersion != nil))
        }
        return outcomes
    }

    func extraCell(header: Text, value: Text) {}

    func change(field: Text, from: CanonicalScalar, to: CanonicalScalar) {}

    func record(partner: Text, country: Text?, countryCode: Text?, city: Text?, signed: PartialDate?,
                validUntil: PartialDate?, indefinite: Bool, term: Text?, status: AgreementStatus?, kind: Text?,
                reference: Text?, url: Text?, row: Int) {}

    func lifecycle(type: EventType, importID: Text, source: Text, recorded: PartialDate, agreement: Text,
                   partner: Text?, country: Text?, effective: PartialDate?, hasChanges: Bool, record: Void?,
                   seq: Int, prev: Text, hash: Text) -> Fields {
        Fields(seq: seq, prev: prev, hash: hash, formatVersion: nil)
    }

    func imported(importID: Text, source: Text, recorded: PartialDate, file: Text?, sha256: Text?,
                  counts: EventCounts, formatVersion: Int, seq: Int, prev: Text, hash: Text) -> Fields {
        Fields(seq: seq, prev: prev, hash: hash, formatVersion: formatVersion)
    }
}
