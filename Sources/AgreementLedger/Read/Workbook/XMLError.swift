/// Why a workbook part is not well-formed XML; names the byte offset so a damaged part can be located.
public struct XMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    /// Lets the reader say what went wrong and where.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// One line for the user, after the part's name.
    public var description: String { "malformed XML at byte \(offset): \(message)" }
}
