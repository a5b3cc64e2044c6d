/// A small pull reader for the XML of workbook parts: elements, attributes, text, entities, CDATA; comments,
/// processing instructions and DOCTYPE skipped. Written here because a 20,000-row sheet must read fast and the
/// package takes no dependencies; it checks nesting, so truncated parts are errors.
public struct XMLReader {
    private let bytes: [UInt8]
    private var p: Int
    private var stack: [String] = []
    private var pendingEnd: String?

    /// Starts at the beginning of `bytes` (UTF-8, a byte-order mark skipped).
    public init(_ bytes: [UInt8]) throws(XMLError) {
        self.bytes = bytes
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw XMLError(offset: 0, message: "UTF-16 XML is not supported")
        }
        p = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The depth of open elements, so callers can tell which level a text or start belongs to.
    public var depth: Int { stack.count }

    /// The next event, or nil at the end of a well-formed document.
    public mutating func next() throws(XMLError) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            stack.removeLast()
            return .end(name: name)
        }
        while p < bytes.count {
            if bytes[p] != UInt8(ascii: "<") {
                let start = p
                while p < bytes.count && bytes[p] != UInt8(ascii: "<") { p += 1 }
                if stack.isEmpty {
                    if bytes[start..<p].allSatisfy(XMLReader.isSpace) { continue }
                    throw XMLError(offset: start, message: "text outside the root element")
                }
                return .text(try decodeText(start, p))
            }
            if matches("<?") {
                try skip(past: "?>")
            } else if matches("<!--") {
                try skip(past: "-->")
            } else if matches("<![CDATA[") {
                let start = p + 9
                try skip(past: "]]>")
                return .text(String(decoding: bytes[start..<(p - 3)], as: UTF8.self))
            } else if matches("<!") {
                try skipDeclaration()
            } else if matches("</") {
                p += 2
                let name = localName(readName())
                skipSpaces()
                guard p < bytes.count, bytes[p] == UInt8(ascii: ">") else { throw error("expected '>' after </\(name)") }
                p += 1
                guard let open = stack.last, open == name else {
                    throw error("</\(name)> does not close <\(stack.last ?? "nothing")>")
                }
                stack.removeLast()
                return .end(name: name)
            } else {
                return try startTag()
            }
        }
        if let open = stack.last { throw XMLError(offset: p, message: "the document ends inside <\(open)>") }
        return nil
    }

    // MARK: - Pieces

    private mutating func startTag() throws(XMLError) -> XMLEvent {
        p += 1
        let name = localName(readName())
        guard !name.isEmpty else { throw error("a '<' not followed by a name") }
        var attributes: [XMLAttribute] = []
        while true {
            skipSpaces()
            guard p < bytes.count else { throw error("the document ends inside a tag") }
            if bytes[p] == UInt8(ascii: ">") {
                p += 1
                stack.append(name)
                return .start(name: name, attributes: attributes)
            }
            if bytes[p] == UInt8(ascii: "/") {
                guard p + 1 < bytes.count, bytes[p + 1] == UInt8(ascii: ">") else { throw error("expected '/>'") }
                p += 2
                stack.append(name)
                pendingEnd = name
                return .start(name: name, attributes: attributes)
            }
            let qualified = readName()
            guard !qualified.isEmpty else { throw error("unexpected character in a tag") }
            skipSpaces()
            guard p < bytes.count, bytes[p] == UInt8(ascii: "=") else { throw error("attribute \(qualified) without '='") }
            p += 1
            skipSpaces()
            guard p < bytes.count, bytes[p] == UInt8(ascii: "\"") || bytes[p] == UInt8(ascii: "'") else {
                throw error("attribute \(qualified) without a quoted value")
            }
            let quote = bytes[p]
            let start = p + 1
            p = start
            while p < bytes.count && bytes[p] != quote { p += 1 }
            guard p < bytes.count else { throw error("unclosed attribute value") }
            let value = try decodeText(start, p)
            p += 1
            if qualified == "xmlns" || qualified.hasPrefix("xmlns:") { continue }
            attributes.append(XMLAttribute(name: localName(qualified), value: value))
        }
    }

    private mutating func readName() -> String {
        let start = p
        while p < bytes.count {
            let b = bytes[p]
            if XMLReader.isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
                || b == UInt8(ascii: "<") { break }
            p += 1
        }
        return String(decoding: bytes[start..<p], as: UTF8.self)
    }

    private func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    private mutating func skipSpaces() {
        while p < bytes.count && XMLReader.isSpace(bytes[p]) { p += 1 }
    }

    private func matches(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard p + n <= bytes.count else { return false }
        let base = s.utf8Start
        for i in 0..<n where bytes[p + i] != base[i] { return false }
        return true
    }

    private mutating func skip(past terminator: StaticString) throws(XMLError) {
        let start = p
        while p < bytes.count {
            if matches(terminator) {
                p += terminator.utf8CodeUnitCount
                return
            }
            p += 1
        }
        throw XMLError(offset: start, message: "unterminated markup")
    }

    /// Skips `<!DOCTYPE …>` including an internal subset in brackets.
    private mutating func skipDeclaration() throws(XMLError) {
        let start = p
        var brackets = 0
        while p < bytes.count {
            switch bytes[p] {
            case UInt8(ascii: "["): brackets += 1
            case UInt8(ascii: "]"): brackets -= 1
            case UInt8(ascii: ">") where brackets <= 0:
                p += 1
                return
            default: break
            }
            p += 1
        }
        throw XMLError(offset: start, message: "unterminated declaration")
    }

    private func error(_ message: String) -> XMLError {
        XMLError(offset: p, message: message)
    }

    /// The text of `bytes[start..<end]` with entity and character references replaced.
    private func decodeText(_ start: Int, _ end: Int) throws(XMLError) -> String {
        guard bytes[start..<end].contains(UInt8(ascii: "&")) else {
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let b = bytes[i]
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            var j = i + 1
            while j < end && bytes[j] != UInt8(ascii: ";") && j - i < 12 { j += 1 }
            guard j < end, bytes[j] == UInt8(ascii: ";") else {
                throw XMLError(offset: i, message: "an '&' that starts no entity")
            }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            switch name {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                var code: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    code = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    code = UInt32(name.dropFirst(), radix: 10)
                }
                guard let code, let scalar = Unicode.Scalar(code) else {
                    throw XMLError(offset: i, message: "unknown entity &\(name);")
                }
                out += Array(String(Character(scalar)).utf8)
            }
            i = j + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
