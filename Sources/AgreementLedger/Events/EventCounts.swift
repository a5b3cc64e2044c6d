/// How many events of each lifecycle type one import produced.
public struct EventCounts: Hashable, Sendable {
    public var signed = 0, renewed = 0, amended = 0, expired = 0, closed = 0

    public init() {}

    public subscript(type: EventType) -> Int {
        get {
            switch type {
            case .signed: signed
            case .renewed: renewed
            case .amended: amended
            case .expired: expired
            case .closed: closed
            case .imported: 0
            }
        }
        set {
            switch type {
            case .signed: signed = newValue
            case .renewed: renewed = newValue
            case .amended: amended = newValue
            case .expired: expired = newValue
            case .closed: closed = newValue
            case .imported: break
            }
        }
    }

    public var total: Int { signed + renewed + amended + expired + closed }

    public var json: JSONValue {
        .object(Dictionary(uniqueKeysWithValues: EventType.lifecycle.map { ($0.rawValue, JSONValue.int(self[$0])) }))
    }

    public init?(json: JSONValue) {
        guard case .object(let o) = json else { return nil }
        for type in EventType.lifecycle {
            guard let n = o[type.rawValue]?.intValue else { return nil }
            self[type] = n
        }
    }
}
