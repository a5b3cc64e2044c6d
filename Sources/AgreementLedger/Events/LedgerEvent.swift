/// One line of `events.jsonl`: a lifecycle event of one agreement, or the `imported` event closing a batch.
///
/// The envelope (`seq`, `prev`, `hash`) is assigned by the store when the batch is appended; the diff
/// creates events with those left empty.
public struct LedgerEvent: Hashable, Sendable {
    public var seq: Int
    public var type: EventType
    public var importID: String
    public var source: String
    /// The snapshot's date (full precision).
    public var recorded: PartialDate
    public var agreement: String?
    public var partner: String?
    public var country: String?
    public var effective: PartialDate?
    public var changes: [String: FieldChange]?
    public var record: AgreementRecord?
    // Only on `imported`:
    public var file: String? {
        get { closing?.file }
        set { setClosing(file: newValue, sha256: sha256, counts: counts, formatVersion: formatVersion) }
    }
    public var sha256: String? {
        get { closing?.sha256 }
        set { setClosing(file: file, sha256: newValue, counts: counts, formatVersion: formatVersion) }
    }
    public var counts: EventCounts? {
        get { closing?.counts }
        set { setClosing(file: file, sha256: sha256, counts: newValue, formatVersion: formatVersion) }
    }
    public var formatVersion: Int? {
        get { closing?.formatVersion }
        set { setClosing(file: file, sha256: sha256, counts: counts, formatVersion: newValue) }
    }
    /// The four fields above, out of line: a batch of a million lifecycle events need not carry room for
    /// them in every event (they would add a fifth to its size).
    private var closing: ClosingFields?
    // Envelope:
    public var prev: String
    public var hash: String

    private mutating func setClosing(file: String?, sha256: String?, counts: EventCounts?, formatVersion: Int?) {
        let empty = file == nil && sha256 == nil && counts == nil && formatVersion == nil
        closing = empty ? nil : ClosingFields(file: file, sha256: sha256, counts: counts, formatVersion: formatVersion)
    }

    /// The version of the log format this code writes; carried by every `imported` event.
    public static let currentFormatVersion = 1
    /// `prev` of the first line.
    public static let genesisHash = String(repeating: "0", count: 64)

    public init(
        type: EventType, importID: String, source: String, recorded: PartialDate,
        agreement: String? = nil, partner: String? = nil, country: String? = nil,
        effective: PartialDate? = nil, changes: [String: FieldChange]? = nil, record: AgreementRecord? = nil,
        file: String? = nil, sha256: String? = nil, counts: EventCounts? = nil, formatVersion: Int? = nil,
        seq: Int = 0, prev: String = "", hash: String = ""
    ) {
        self.seq = seq
        self.type = type
        self.importID = importID
        self.source = source
        self.recorded = recorded
        self.agreement = agreement
        self.partner = partner
        self.country = country
        self.effective = effective
        self.changes = changes
        self.record = record
        self.prev = prev
        self.hash = hash
        self.closing = nil
        setClosing(file: file, sha256: sha256, counts: counts, formatVersion: formatVersion)
    }

    /// The event as the contract's JSON object; `hash` left out when `includingHash` is false
    /// (that form is what the hash is computed over).
    public func json(includingHash: Bool = true) -> JSONValue {
        var o: [String: JSONValue] = [
            "seq": .int(seq),
            "type": .string(type.rawValue),
            "import": .string(importID),
            "source": .string(source),
            "recorded": .string(recorded.description),
            "prev": .string(prev),
        ]
        if includingHash { o["hash"] = .string(hash) }
        if type == .imported {
            o["file"] = .optional(file)
            o["sha256"] = .optional(sha256)
            o["counts"] = (counts ?? EventCounts()).json
            o["formatVersion"] = .int(formatVersion ?? LedgerEvent.currentFormatVersion)
        } else {
            o["agreement"] = .optional(agreement)
            o["partner"] = .optional(partner)
            o["country"] = .optional(country)
            o["effective"] = .optional(effective?.description)
            if let changes {
                o["changes"] = .object(changes.mapValues(\.json))
            }
            if let record { o["record"] = record.json }
        }
        return .object(o)
    }

    /// Reads an event from its JSON object; the error names what is wrong.
    public init(json: JSONValue) throws(EventDecodingError) {
        guard case .object(let o) = json else { throw .init("not a JSON object") }
        func string(_ k: String) throws(EventDecodingError) -> String {
            guard let s = o[k]?.stringValue else { throw .init("missing or non-string \"\(k)\"") }
            return s
        }
        func optionalString(_ k: String) throws(EventDecodingError) -> String? {
            guard let v = o[k], !v.isNull else { return nil }
            guard let s = v.stringValue else { throw .init("\"\(k)\" is not a string") }
            return s
        }
        guard let seq = o["seq"]?.intValue else { throw .init("missing or non-integer \"seq\"") }
        guard let type = EventType(rawValue: try string("type")) else { throw .init("unknown \"type\"") }
        guard let recorded = PartialDate(try string("recorded")), recorded.isFullDate else {
            throw .init("\"recorded\" is not a YYYY-MM-DD date")
        }
        self.init(type: type, importID: try string("import"), source: try string("source"), recorded: recorded,
                  seq: seq, prev: try string("prev"), hash: try string("hash"))
        if type == .imported {
            file = try optionalString("file")
            sha256 = try optionalString("sha256")
            guard let c = o["counts"].flatMap(EventCounts.init(json:)) else { throw .init("missing or malformed \"counts\"") }
            counts = c
            guard let v = o["formatVersion"]?.intValue else { throw .init("missing \"formatVersion\"") }
            formatVersion = v
        } else {
            agreement = try string("agreement")
            partner = try optionalString("partner")
            country = try optionalString("country")
            if let e = try optionalString("effective") {
                guard let d = PartialDate(e) else { throw .init("\"effective\" is not a partial date") }
                effective = d
            }
            if let c = o["changes"] {
                guard case .object(let members) = c else { throw .init("\"changes\" is not an object") }
                var changes: [String: FieldChange] = [:]
                for (field, change) in members {
                    guard let from = change["from"], let to = change["to"] else {
                        throw .init("change of \"\(field)\" lacks from/to")
                    }
                    changes[field] = FieldChange(from: from, to: to)
                }
                self.changes = changes
            }
            if let r = o["record"] {
                guard let record = AgreementRecord(json: r) else { throw .init("malformed \"record\"") }
                self.record = record
            }
        }
    }
}

/// The fields of an `imported` event, immutable and shared by copies of the event.
private final class ClosingFields: Hashable, Sendable {
    let file: String?
    let sha256: String?
    let counts: EventCounts?
    let formatVersion: Int?

    init(file: String?, sha256: String?, counts: EventCounts?, formatVersion: Int?) {
        self.file = file
        self.sha256 = sha256
        self.counts = counts
        self.formatVersion = formatVersion
    }

    static func == (a: ClosingFields, b: ClosingFields) -> Bool {
        a.file == b.file && a.sha256 == b.sha256 && a.counts == b.counts && a.formatVersion == b.formatVersion
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(sha256)
        hasher.combine(counts)
        hasher.combine(formatVersion)
    }
}

/// Why a log line is not a valid event.
public struct EventDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
