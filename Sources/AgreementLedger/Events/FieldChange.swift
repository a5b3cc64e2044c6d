/// One field's change on a `renewed` or `amended` event: `{"from": x, "to": y}`.
public struct FieldChange: Hashable, Sendable {
    public var from: JSONValue
    public var to: JSONValue

    public init(from: JSONValue, to: JSONValue) {
        self.from = from
        self.to = to
    }

    public var json: JSONValue { .object(["from": from, "to": to]) }
}
