/// Partner names as offices type them: with markup pasted from web pages, entities, odd spaces and
/// inconsistent diacritics. One place cleans a name for display and folds it for matching.
public enum PartnerName {
    /// The name as written with whitespace collapsed and markup removed; a note carried in markup
    /// (e.g. `<i>*Valid for ...</i>`) is returned separately, not as part of the name.
    public static func clean(_ raw: String) -> (name: String, note: String?) {
        clean(raw, isCollapsed: CellText.isCollapsed(raw))
    }

    /// `clean` of a cell already collapsed (every cell the normalizer reads is): its spacing is not looked at
    /// twice.
    static func clean(collapsed raw: String) -> (name: String, note: String?) {
        clean(raw, isCollapsed: true)
    }

    private static func clean(_ raw: String, isCollapsed: Bool) -> (name: String, note: String?) {
        // Most names hold no markup, no entity and no odd spacing: nothing to do.
        if isCollapsed && !hasMarkup(raw) {
            return (raw, nil)
        }
        // Split into text pieces, each marked as inside a note element (<i>, <em>, <small>...) or not.
        var pieces: [(text: String, inNote: Bool)] = []
        var noteDepth = 0
        var rest = Substring(raw)
        while let open = rest.firstIndex(of: "<") {
            pieces.append((String(rest[..<open]), noteDepth > 0))
            guard let tag = parseTag(rest[open...]) else {
                pieces.append(("<", noteDepth > 0))
                rest = rest[rest.index(after: open)...]
                continue
            }
            rest = rest[tag.end...]
            if noteElements.contains(tag.name) {
                noteDepth = tag.closing ? max(0, noteDepth - 1) : noteDepth + 1
            }
            if breakingElements.contains(tag.name) { pieces.append((" ", noteDepth > 0)) }
        }
        pieces.append((String(rest), noteDepth > 0))

        // The note is the trailing run of note pieces, when some name text precedes it.
        var split = pieces.count
        while split > 0 {
            let piece = pieces[split - 1]
            if piece.inNote || CellText.collapsed(piece.text).isEmpty { split -= 1 } else { break }
        }
        let head = pieces[..<split].map(\.text).joined()
        let tail = pieces[split...].map(\.text).joined()
        let name = CellText.collapsed(decodeEntities(head))
        let note = CellText.collapsed(decodeEntities(tail))
        if name.isEmpty { return (note, nil) }
        return (name, note.isEmpty ? nil : note)
    }

    /// Whether `raw` holds a `<` or `&` (markup or an entity), looked for in its bytes.
    private static func hasMarkup(_ raw: String) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            ByteSearch.contains(bytes, byte: UInt8(ascii: "<")) || ByteSearch.contains(bytes, byte: UInt8(ascii: "&"))
        }
        if let found = raw.utf8.withContiguousStorageIfAvailable(scan) { return found }
        var copy = raw
        return copy.withUTF8(scan)
    }

    /// A folded key for matching: lower-case, diacritics removed (ł->l, đ->d, ß->ss, ø->o, æ->ae, ı->i too),
    /// punctuation and quotes („“"'’ etc.) removed, whitespace collapsed.
    ///
    /// Quotes and apostrophes vanish ("Xi'an" -> "xian"); other punctuation separates words
    /// ("M.S.Osimi" -> "m s osimi"), so spacing differences around punctuation fold alike.
    public static func folded(_ text: String) -> String {
        // UTF-8 bytes out: appending to a byte buffer is far cheaper than growing a String scalar by scalar.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        fold(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `folded(text)` to `out` (where a key is only hashed, no string need be made).
    static func fold(_ text: String, into out: inout [UInt8]) {
        let base = out.count
        // Most names are ASCII: folded byte by byte, exactly as the scalar loop below would.
        if text.utf8.withContiguousStorageIfAvailable({ foldASCII($0, into: &out) }) == true { return }
        var pendingSpace = false

        func emit(_ v: UInt32) { PartnerName.emit(v, &out, &pendingSpace, base: base) }

        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                switch v {
                case 0x41...0x5A: emit(v + 0x20)
                case 0x61...0x7A, 0x30...0x39: emit(v)
                case 0x22, 0x27, 0x60: continue
                default: pendingSpace = true
                }
                continue
            }
            if LatinFolding.low.contains(v) || LatinFolding.high.contains(v) {
                let packed = LatinFolding.low.contains(v)
                    ? LatinFolding.lowTable[Int(v - LatinFolding.low.lowerBound)]
                    : LatinFolding.highTable[Int(v - LatinFolding.high.lowerBound)]
                if packed != 0 {
                    emit(UInt32(packed & 0xFF))
                    if packed > 0xFF { emit(UInt32(packed >> 8)) }
                    continue
                }
            }
            if (0x400...0x4FF).contains(v) {
                emit(foldCyrillic(v))
                continue
            }
            if CellText.isSpace(s) { pendingSpace = true; continue }
            if CellText.isInvisible(s) || isQuote(v) { continue }
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            case .uppercaseLetter, .titlecaseLetter:
                for l in s.properties.lowercaseMapping.unicodeScalars { emit(l.value) }
            case .lowercaseLetter, .otherLetter, .modifierLetter, .decimalNumber, .letterNumber, .otherNumber:
                emit(v)
            default:
                pendingSpace = true
            }
        }
    }

    /// `fold` of a name of ASCII bytes (the folded name is never longer), appended to `out`; false, with `out`
    /// unchanged, when the name has a byte outside ASCII.
    private static func foldASCII(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var i = 0
        if let p = bytes.baseAddress {
            while i + 8 <= bytes.count {
                if UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
        }
        while i < bytes.count {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        // Folded into scratch space on the stack (never longer than the name), then appended in one copy.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            asciiFold.withUnsafeBufferPointer { table in
                guard let source = bytes.baseAddress, let target = buffer.baseAddress, let fold = table.baseAddress else {
                    return
                }
                var n = 0
                var pendingSpace = false
                for i in 0..<bytes.count {
                    let folded = fold[Int(source[i])]
                    if folded > 1 {
                        if pendingSpace && n > 0 {
                            target[n] = 0x20
                            n += 1
                        }
                        pendingSpace = false
                        target[n] = folded
                        n += 1
                    } else if folded == 0 {
                        pendingSpace = true
                    }
                }
                out.append(contentsOf: UnsafeBufferPointer(start: target, count: n))
            }
        }
        return true
    }

    /// What each ASCII byte folds to, as the scalar loop in `fold` says: a letter lower-cased or a digit as it
    /// is; 1 for a quote, which vanishes; 0 for anything else, which separates words. One lookup per byte.
    private static let asciiFold: [UInt8] = (0..<128).map { (b: Int) -> UInt8 in
        switch b {
        case 0x41...0x5A: UInt8(b + 0x20)
        case 0x61...0x7A, 0x30...0x39: UInt8(b)
        case 0x22, 0x27, 0x60: 1
        default: 0
        }
    }

    /// Appends a folded scalar, after the space a separator left pending (never at the start of the text,
    /// which begins at `base` in `out`).
    @inline(__always)
    private static func emit(_ v: UInt32, _ out: inout [UInt8], _ pendingSpace: inout Bool, base: Int) {
        if pendingSpace {
            if out.count > base { out.append(0x20) }
            pendingSpace = false
        }
        if v < 0x80 {
            out.append(UInt8(v))
        } else {
            out.append(contentsOf: UTF8.encode(Unicode.Scalar(v)!)!)
        }
    }

    /// Whether `folded(text)` contains `needle` (itself folded), for raw UTF-8 bytes: a name made only of
    /// ASCII letters, digits and single spaces folds to itself lower-cased, so it is compared in place
    /// without building the folded string; any other name is folded first. `history` runs this on every
    /// line of a long log.
    static func foldedContains(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        var plain = !text.isEmpty && text.first != 0x20 && text.last != 0x20
        var previousSpace = false
        for b in text where plain {
            let isSpace = b == 0x20
            plain = (isSpace && !previousSpace) || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
            previousSpace = isSpace
        }
        guard plain else {
            return CellText.contains(folded(String(decoding: text, as: UTF8.self)), String(decoding: needle, as: UTF8.self))
        }
        guard let first = needle.first else { return true }
        guard needle.count <= text.count else { return false }
        // Letters lower-cased on the fly (`| 0x20` leaves digits and the space as they are).
        for start in 0...(text.count - needle.count) where text[start] | 0x20 == first {
            var k = 1
            while k < needle.count && text[start + k] | 0x20 == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }

    // MARK: - Folding helpers

    private static func isQuote(_ v: UInt32) -> Bool {
        switch v {
        case 0xAB, 0xBB, 0xB4, 0x2BB, 0x2BC, 0x2018...0x201F, 0x2032, 0x2033, 0x2039, 0x203A, 0xFF02, 0xFF07:
            return true
        default:
            return false
        }
    }

    /// Russian/Ukrainian/Serbian Cyrillic lower-cased, with ё and й folded to е and и like Latin diacritics.
    private static func foldCyrillic(_ v: UInt32) -> UInt32 {
        var c = v
        if (0x410...0x42F).contains(c) { c += 0x20 } else if (0x400...0x40F).contains(c) { c += 0x50 }
        else if c >= 0x460 && c <= 0x4FF && c % 2 == 0 && c != 0x4C0 { c += 1 }
        switch c {
        case 0x451, 0x450: return 0x435
        case 0x439: return 0x438
        default: return c
        }
    }

    // MARK: - Markup helpers

    /// Elements whose trailing content is a note about the agreement rather than part of the name.
    private static let noteElements: Set<String> = ["i", "em", "small", "sup", "sub"]
    /// Elements that separate words when removed.
    private static let breakingElements: Set<String> = ["br", "p", "div", "li", "td", "tr", "hr"]

    private struct Tag { var name: String; var closing: Bool; var end: Substring.Index }

    /// Reads `<name ...>`, `</name>` or `<name/>` at the start of `text`; nil when `<` does not open a tag.
    private static func parseTag(_ text: Substring) -> Tag? {
        var i = text.index(after: text.startIndex)
        var closing = false
        if i < text.endIndex && text[i] == "/" { closing = true; i = text.index(after: i) }
        let nameStart = i
        while i < text.endIndex, text[i].isASCII, text[i].isLetter || text[i].isNumber { i = text.index(after: i) }
        guard i > nameStart, let close = text[i...].firstIndex(of: ">") else { return nil }
        let name = text[nameStart..<i].lowercased()
        return Tag(name: name, closing: closing, end: text.index(after: close))
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]

    /// Decodes the few entities spreadsheets carry from web pages, plus numeric ones (`&#39;`, `&#x27;`).
    static func decodeEntities(_ text: String) -> String {
        guard CellText.contains(text, "&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let body = after[..<semi]
                var decoded: String?
                if let named = namedEntities[body.lowercased()] {
                    decoded = named
                } else if body.hasPrefix("#") {
                    let digits = body.dropFirst()
                    let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    if let value, let scalar = Unicode.Scalar(value) { decoded = String(Character(scalar)) }
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
