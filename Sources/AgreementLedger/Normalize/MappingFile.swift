/// A user's column mapping (`--mapping M.json`): header text or 1-based column number -> role.
///
/// The escape hatch for whatever the header vocabulary misses, so no list is ever unreadable:
/// `{"Naziv": "partner", "3": "signed", "Napomena": "extra", "Kolona X": "ignore"}`.
public struct MappingFile: Hashable, Sendable {
    /// Header texts (folded) -> role.
    public var byHeader: [String: ColumnRole]
    /// 0-based column index -> role.
    public var byColumn: [Int: ColumnRole]

    public init(byHeader: [String: ColumnRole] = [:], byColumn: [Int: ColumnRole] = [:]) {
        self.byHeader = byHeader
        self.byColumn = byColumn
    }

    /// Parses the mapping JSON; errors say what to fix.
    public init(json text: String) throws(MappingError) {
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch {
            throw MappingError("is not valid JSON (\(error))")
        }
        guard case .object(let members) = value else {
            throw MappingError("must be a JSON object of \"header or column number\": \"field\"")
        }
        var byHeader: [String: ColumnRole] = [:]
        var byColumn: [Int: ColumnRole] = [:]
        for key in JSONWriter.sortedKeys(members) {
            guard let name = members[key]?.stringValue else {
                throw MappingError("the value for \"\(key)\" must be a field name string")
            }
            guard let role = ColumnRole(rawValue: name), role != .ordinal else {
                let valid = ColumnRole.allCases.filter { $0 != .ordinal }.map(\.rawValue).joined(separator: ", ")
                throw MappingError("unknown field \"\(name)\" for \"\(key)\"; valid fields: \(valid)")
            }
            if let n = Int(key) {
                guard n >= 1 else { throw MappingError("column numbers start at 1 (got \(n))") }
                byColumn[n - 1] = role
            } else {
                byHeader[PartnerName.folded(key)] = role
            }
        }
        self.byHeader = byHeader
        self.byColumn = byColumn
    }

    /// The role the mapping gives column `index` with header `header`, if any.
    public func role(column index: Int, header: String) -> ColumnRole? {
        byColumn[index] ?? byHeader[PartnerName.folded(header)]
    }

    public var isEmpty: Bool { byHeader.isEmpty && byColumn.isEmpty }
}

/// A mapping file that cannot be used.
public struct MappingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
