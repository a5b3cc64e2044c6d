/// The change summary of one import: its events grouped by type, each saying who and what changed.
public struct ChangeSummary: Sendable {
    public var imported: LedgerEvent
    /// Events of the import by type, in log order.
    public var byType: [EventType: [LedgerEvent]]

    /// The summary of import `id`, or of the latest import when `id` is nil; nil when there is no such import.
    public init?(events: [LedgerEvent], importID id: String?) {
        let closing = events.last { $0.type == .imported && (id == nil || $0.importID == id) }
        guard let closing else { return nil }
        imported = closing
        var grouped: [EventType: [LedgerEvent]] = [:]
        for e in events where e.importID == closing.importID && e.type != .imported {
            grouped[e.type, default: []].append(e)
        }
        byType = grouped
    }

    public var counts: EventCounts { imported.counts ?? EventCounts() }

    /// One line per event: the partner and what changed (from -> to).
    public static func describe(_ e: LedgerEvent) -> String {
        let who = e.partner ?? e.agreement ?? "?"
        let place = e.country.map { " (\($0))" } ?? ""
        switch e.type {
        case .signed:
            var parts: [String] = []
            if let s = e.record?.signed { parts.append("signed \(s)") }
            if let v = e.record?.validUntil { parts.append("valid until \(v)") }
            if e.record?.indefinite == true { parts.append("indefinite") }
            if let t = e.record?.term { parts.append("term \(t)") }
            return "\(who)\(place)" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
        case .renewed, .amended:
            let changes = (e.changes ?? [:]).keys.sorted().map { field -> String in
                let c = e.changes![field]!
                return "\(field): \(text(c.from)) -> \(text(c.to))"
            }
            return "\(who)\(place): " + changes.joined(separator: "; ")
        case .expired:
            return "\(who)\(place)" + (e.effective.map { ": valid until \($0)" } ?? ": stated expired")
        case .closed:
            return "\(who)\(place)"
        case .imported:
            return e.file ?? ""
        }
    }

    static func text(_ v: JSONValue) -> String {
        switch v {
        case .null: "(none)"
        case .string(let s): s
        case .bool(let b): b ? "yes" : "no"
        case .int(let i): String(i)
        default: JSONWriter.canonical(v)
        }
    }

    /// The `summary --format json` object.
    public var json: JSONValue {
        var groups: [String: JSONValue] = [:]
        for type in EventType.lifecycle {
            groups[type.rawValue] = .array((byType[type] ?? []).map { e in
                var o: [String: JSONValue] = [
                    "agreement": .optional(e.agreement), "partner": .optional(e.partner), "country": .optional(e.country),
                    "effective": .optional(e.effective?.description), "line": .string(ChangeSummary.describe(e)),
                ]
                if let c = e.changes { o["changes"] = .object(c.mapValues(\.json)) }
                return .object(o)
            })
        }
        return .object([
            "import": .string(imported.importID), "source": .string(imported.source),
            "recorded": .string(imported.recorded.description), "file": .optional(imported.file),
            "counts": counts.json, "changes": .object(groups),
        ])
    }
}
