/// One step of an XML document as `XMLReader` walks it: the workbook parts are read as a stream of these.
public enum XMLEvent: Hashable, Sendable {
    /// An element opens; names are local (namespace prefix dropped), namespace declarations are left out.
    case start(name: String, attributes: [XMLAttribute])
    /// An element closes (a self-closing element gives `start` then `end`).
    case end(name: String)
    /// Character data with entities and character references resolved (CDATA included).
    case text(String)
}

/// One attribute of a start tag, by local name.
public struct XMLAttribute: Hashable, Sendable {
    public var name: String
    public var value: String

    /// Lets tests build events by hand.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == XMLAttribute {
    /// The value of the attribute with this local name, if present.
    public subscript(_ name: String) -> String? {
        first { $0.name == name }?.value
    }
}
