/// One agreement's term as a cell states it. A cell may hold several ("Neodređeno 1 godina").
public struct TermSegment: Hashable, Sendable {
    /// Year (or date) the segment says the agreement was concluded: its `signed` event's date.
    public var signed: PartialDate?
    /// End the cell states ("2024-2029" -> 2029), never computed: expiry is judged against it.
    public var validUntil: PartialDate?
    /// Indefinite / permanent / no end: such an agreement never expires by date.
    public var indefinite: Bool
    /// ISO 8601 duration stated ("P5Y", "P3Y", "P1Y", "P6M"), kept as stated rather than turned into an end.
    public var term: String?
    /// Agreement type written in the cell ("List Intencyjny", "MoU"), as written, so it can fill `kind`.
    public var kind: String?
    /// The cell says the term is not stated ("Nije navedeno"): known to be unknown, unlike an empty cell.
    public var notStated: Bool

    /// Makes a segment; every part defaults to "not stated by the cell".
    public init(signed: PartialDate? = nil, validUntil: PartialDate? = nil, indefinite: Bool = false,
                term: String? = nil, kind: String? = nil, notStated: Bool = false) {
        self.signed = signed
        self.validUntil = validUntil
        self.indefinite = indefinite
        self.term = term
        self.kind = kind
        self.notStated = notStated
    }
}

/// What a term cell says, plus what the reader could not take at face value (shown to the user).
public struct TermParse: Hashable, Sendable {
    /// One segment per agreement the cell describes, in the order written.
    public var segments: [TermSegment]
    /// One-line messages about readings the user should check ("'5+' read as 5 years ...").
    public var warnings: [String]

    /// Makes a parse result.
    public init(segments: [TermSegment] = [], warnings: [String] = []) {
        self.segments = segments
        self.warnings = warnings
    }
}

/// Reads free-text term cells ("2017 na czas nieokreślony", "5 godina", "Permanent") into segments, because
/// the ledger's renewals and expiries are only as good as the validity it reads from them.
public enum TermParser {
    /// A duration/validity cell (Bosnian "Trajanje", English "Valid until" words): may hold several segments.
    ///
    /// Dates in the cell are ends (`validUntil`); slash dates are read only when unambiguous unless `order`
    /// is given.
    public static func parseDuration(_ cell: String, order: DateOrder? = nil) -> TermParse {
        parse(cell, mode: .duration, order: order)
    }

    /// A combined "year of conclusion and term" cell (Polish "ROK ZAWARCIA I OKRES TRWANIA").
    public static func parseSignedAndTerm(_ cell: String, order: DateOrder) -> TermParse {
        parse(cell, mode: .signedAndTerm, order: order)
    }

    // MARK: - Vocabulary

    private enum TermWord: Sendable { case indefinite, notStated, renewal, academic, validUntilMarker }

    private static let phrases: PhraseMatcher<TermWord> = {
        var entries: [(String, TermWord)] = []
        entries += TermVocabulary.all(TermVocabulary.indefinite).map { ($0, .indefinite) }
        entries += TermVocabulary.all(TermVocabulary.notStated).map { ($0, .notStated) }
        entries += TermVocabulary.renewal.map { ($0, .renewal) }
        entries += TermVocabulary.academicYear.map { ($0, .academic) }
        entries += TermVocabulary.validUntilMarkers.map { ($0, .validUntilMarker) }
        return PhraseMatcher(entries)
    }()

    private static let yearUnits = Set(TermVocabulary.yearUnits.map(PartnerName.folded))
    private static let monthUnits = Set(TermVocabulary.monthUnits.map(PartnerName.folded))
    private static let prepositions = Set(TermVocabulary.durationPrepositions.map(PartnerName.folded))
    private static let connectors = Set(TermVocabulary.connectors.map(PartnerName.folded).filter { !$0.isEmpty })
    /// Folded indefinite phrases, to recognize a phrase left unfinished ("na czas").
    private static let indefinitePhrases = TermVocabulary.all(TermVocabulary.indefinite).map(PartnerName.folded)

    // MARK: - Tokens

    private enum Mode { case duration, signedAndTerm }

    private enum Token {
        case word(String, folded: String)
        case paren(String)
        case separator
        case semicolon

        var folded: String {
            if case .word(_, let f) = self { return f }
            return ""
        }
    }

    /// Splits a collapsed cell into words, parenthesised groups, separators ("-") and semicolons.
    private static func tokenize(_ text: String, order: DateOrder?) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        func flush() {
            if !word.isEmpty { tokens += splitWord(word, order: order) }
            word = ""
        }
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            switch c {
            case "(", "[":
                flush()
                var depth = 0
                var j = i
                while j < text.endIndex {
                    if text[j] == "(" || text[j] == "[" { depth += 1 }
                    if text[j] == ")" || text[j] == "]" { depth -= 1; if depth == 0 { break } }
                    j = text.index(after: j)
                }
                let inner = text[text.index(after: i)..<j]
                tokens.append(.paren(CellText.collapsed(inner)))
                i = j < text.endIndex ? text.index(after: j) : j
                continue
            case ")", "]":
                flush()
                tokens.append(.separator)
            case ";":
                flush()
                tokens.append(.semicolon)
            case " ":
                flush()
            default:
                word.append(c)
            }
            i = text.index(after: i)
        }
        flush()
        return tokens
    }

    /// A word, split at dashes that touch a digit ("2025-2030", "ZV25-na") unless it is a date itself.
    private static func splitWord(_ word: String, order: DateOrder?) -> [Token] {
        if DateCellParser.parseToken(trimmedForDate(word), order: order) != nil {
            return [.word(word, folded: PartnerName.folded(word))]
        }
        let chars = Array(word)
        var result: [Token] = []
        var current = ""
        func emit() {
            if !current.isEmpty {
                let f = PartnerName.folded(current)
                result.append(f.isEmpty ? .separator : .word(current, folded: f))
            }
            current = ""
        }
        for (k, c) in chars.enumerated() {
            let isDash = c == "-" || c == "–" || c == "—"
            let touchesDigit = (k > 0 && chars[k - 1].isNumber) || (k + 1 < chars.count && chars[k + 1].isNumber)
            if isDash && (touchesDigit || chars.count == 1) {
                emit()
                result.append(.separator)
            } else {
                current.append(c)
            }
        }
        emit()
        return result
    }

    private static func trimmedForDate(_ word: String) -> Substring {
        var t = Substring(word)
        while let l = t.last, ",.:".contains(l) { t = t.dropLast() }
        return t
    }

    // MARK: - Parsing

    private static func parse(_ cell: String, mode: Mode, order: DateOrder?) -> TermParse {
        let text = CellText.collapsed(cell)
        var result = TermParse()
        guard !text.isEmpty else { return result }
        let tokens = tokenize(text, order: order)

        // Parts: split at semicolons, then at connectors standing between two dated parts.
        var parts: [ArraySlice<Token>] = []
        for semi in tokens.split(whereSeparator: { if case .semicolon = $0 { return true }; return false }) {
            parts += splitAtConnectors(semi, order: order)
        }

        for part in parts {
            var reader = PartReader(mode: mode, order: order)
            reader.read(Array(part))
            result.warnings += reader.warnings
            let segments = reader.segments
            if segments.count == 1, let only = segments.first, reader.isKindOnly(only),
               let last = result.segments.indices.last {
                // A part with no year and no term describes the previous agreement.
                let kind = only.kind!
                result.segments[last].kind = result.segments[last].kind.map { $0 + "; " + kind } ?? kind
            } else {
                result.segments += segments
            }
        }
        return result
    }

    private static func splitAtConnectors(_ part: ArraySlice<Token>, order: DateOrder?) -> [ArraySlice<Token>] {
        let connectorIndices = part.indices.filter { connectors.contains(part[$0].folded) }
        guard !connectorIndices.isEmpty else { return [part] }
        var pieces: [ArraySlice<Token>] = []
        var start = part.startIndex
        for (k, c) in connectorIndices.enumerated() {
            let nextEnd = k + 1 < connectorIndices.count ? connectorIndices[k + 1] : part.endIndex
            if isDated(part[start..<c], order: order) && isDated(part[(c + 1)..<nextEnd], order: order) {
                pieces.append(part[start..<c])
                start = c + 1
            }
        }
        pieces.append(part[start..<part.endIndex])
        return pieces
    }

    private static func isDated(_ tokens: ArraySlice<Token>, order: DateOrder?) -> Bool {
        tokens.contains { token in
            guard case .word(let w, _) = token else { return false }
            return DateCellParser.parseToken(trimmedForDate(w), order: order) != nil || isBadYear(w)
        }
    }

    /// A code standing where a year should ("ZV15"): letters then digits.
    private static func isBadYear(_ word: String) -> Bool {
        let letters = word.prefix(while: { $0.isASCII && $0.isLetter })
        let digits = word.dropFirst(letters.count)
        return (1...4).contains(letters.count) && (2...4).contains(digits.count)
            && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// "2016/2017" or "2016/17": an academic year; returns its end year.
    private static func academicYearEnd(_ word: String) -> Int? {
        let parts = word.split(separator: "/")
        guard parts.count == 2, let a = DateCellParser.number(parts[0], maxDigits: 4), parts[0].count == 4,
              let b = DateCellParser.number(parts[1], maxDigits: 4), parts[1].count == 2 || parts[1].count == 4
        else { return nil }
        let end = parts[1].count == 2 ? a / 100 * 100 + b : b
        return end == a + 1 ? end : nil
    }

    /// Reads one part of a cell (no semicolons, no joining connectors) into segments.
    private struct PartReader {
        let mode: Mode
        let order: DateOrder?
        var segments: [TermSegment] = []
        var warnings: [String] = []

        // The segment being built.
        private var seg = TermSegment()
        private var hasBadYear = false
        private var hasIncomplete = false
        private var contentAfterSigned = false
        private var kinds: [String] = []
        private var group: [(text: String, folded: String)] = []

        init(mode: Mode, order: DateOrder?) {
            self.mode = mode
            self.order = order
        }

        func isKindOnly(_ s: TermSegment) -> Bool {
            s.kind != nil && s.signed == nil && s.validUntil == nil && !s.indefinite && s.term == nil
                && !s.notStated && !hasBadYear && !hasIncomplete
        }

        private var hasTerm: Bool { seg.indefinite || seg.term != nil || seg.validUntil != nil || seg.notStated }

        mutating func read(_ tokens: [Token]) {
            let folded = tokens.map(\.folded)
            var i = 0
            while i < tokens.count {
                switch tokens[i] {
                case .separator, .semicolon:
                    closeGroup()
                    i += 1
                case .paren(let inner):
                    closeGroup()
                    let f = PartnerName.folded(inner)
                    if !f.isEmpty && !TermVocabulary.renewalStems.contains(where: { f.contains($0) }) {
                        kinds.append(inner)
                        if seg.signed != nil { contentAfterSigned = true }
                    }
                    i += 1
                case .word(let word, _):
                    i += readWord(word, tokens: tokens, folded: folded, at: i)
                }
            }
            closeGroup()
            finishSegment()
        }

        /// Reads the item starting at word `i`; returns how many tokens it used.
        private mutating func readWord(_ word: String, tokens: [Token], folded: [String], at i: Int) -> Int {
            if let date = DateCellParser.parseToken(trimmedForDate(word), order: order) {
                closeGroup()
                if let note = date.note { warnings.append("'\(word)': \(note)") }
                takeDate(date.date)
                return 1
            }
            if let end = academicYearEnd(word) {
                closeGroup()
                let until = PartialDate(year: end)!
                if seg.validUntil != nil || seg.indefinite || seg.notStated { startSegment() }
                seg.validUntil = until
                warnings.append("academic year \(word) read as valid until \(end)")
                return 1
            }
            if let m = phrases.match(folded, at: i) {
                closeGroup()
                switch m.value {
                case .indefinite:
                    if seg.indefinite || seg.term != nil || seg.validUntil != nil || seg.notStated { startSegment() }
                    seg.indefinite = true
                    if seg.signed != nil { contentAfterSigned = true }
                case .notStated:
                    if hasTerm { startSegment() }
                    seg.notStated = true
                case .renewal, .academic, .validUntilMarker:
                    break
                }
                return m.length
            }
            if let used = readDuration(word, tokens: tokens, folded: folded, at: i) {
                return used
            }
            if isBadYear(word) {
                closeGroup()
                if seg.signed != nil || hasBadYear || hasTerm { startSegment() }
                hasBadYear = true
                warnings.append("'\(word)' is not a year")
                return 1
            }
            if word.allSatisfy({ $0.isNumber || "/.-".contains($0) }) && word.contains(where: \.isNumber)
                && word.count >= 6 {
                closeGroup()
                warnings.append("'\(word)' could not be read as a date")
                return 1
            }
            group.append((word, folded[i]))
            return 1
        }

        /// "5 godina", "na 5 lat", "6 months", "5+", "3+5 godina": a stated duration.
        private mutating func readDuration(_ word: String, tokens: [Token], folded: [String], at i: Int) -> Int? {
            var numbers = word.split(separator: "+", omittingEmptySubsequences: false)
            let plus = word.hasSuffix("+")
            if plus { numbers.removeLast() }
            guard (1...2).contains(numbers.count),
                  let values = Optional(numbers.compactMap({ DateCellParser.number($0, maxDigits: 3) })),
                  values.count == numbers.count else { return nil }
            // The unit: the next word, possibly after a dash ("5-year").
            var j = i + 1
            if j < tokens.count, case .separator = tokens[j], j + 1 < tokens.count { j += 1 }
            var unit: Character?
            if j < tokens.count, yearUnits.contains(folded[j]) { unit = "Y" }
            if j < tokens.count, monthUnits.contains(folded[j]) { unit = "M" }
            guard unit != nil || plus || values.count == 2 else { return nil }
            let used = unit != nil ? j - i + 1 : 1
            let total = values.reduce(0, +)
            guard total > 0 else { return nil }

            if let last = group.last, prepositions.contains(last.folded) { group.removeLast() }
            let u = unit ?? "Y"
            // "3 godine, 6 mjeseci", "2 years and 6 months": one duration.
            let joinsMonths = u == "M" && values.count == 1 && !plus && seg.term.map { $0.hasSuffix("Y") } == true
                && group.allSatisfy { connectors.contains($0.folded) }
            if joinsMonths { group = [] }
            closeGroup()
            if joinsMonths {
                seg.term! += "\(total)M"
                return used
            }
            if seg.term != nil || seg.indefinite || seg.notStated { startSegment() }
            seg.term = "P\(total)\(u)"
            if seg.signed != nil { contentAfterSigned = true }
            let written = (i..<(i + used)).compactMap { k -> String? in
                if case .word(let w, _) = tokens[k] { return w }
                return nil
            }.joined(separator: " ")
            let unitName = u == "Y" ? "years" : "months"
            if values.count == 2 {
                warnings.append("'\(written)' read as \(values[0])+\(values[1]) = \(total) \(unitName)")
            } else if plus {
                warnings.append("'\(written)' read as \(total) \(unitName): the '+' (renewal) is not represented")
            }
            return used
        }

        private mutating func takeDate(_ date: PartialDate) {
            switch mode {
            case .signedAndTerm:
                if seg.signed == nil && !hasBadYear && !hasTerm {
                    seg.signed = date
                } else if seg.signed != nil && !hasTerm && !contentAfterSigned {
                    seg.validUntil = date
                    if date < seg.signed! {
                        warnings.append("end \(date) is before the signing \(seg.signed!)")
                    }
                } else if seg.signed == nil && !hasBadYear {
                    seg.signed = date
                } else {
                    startSegment()
                    seg.signed = date
                }
            case .duration:
                if seg.validUntil != nil || seg.indefinite || seg.notStated { startSegment() }
                seg.validUntil = date
            }
        }

        /// Ends the leftover words run: an unfinished term phrase is a warning, anything else a kind.
        private mutating func closeGroup() {
            guard !group.isEmpty else { return }
            defer { group = [] }
            let f = group.map(\.folded).joined(separator: " ")
            if indefinitePhrases.contains(where: { $0.count > f.count && $0.hasPrefix(f + " ") }) {
                let written = group.map(\.text).joined(separator: " ")
                warnings.append("'\(written)' is an incomplete term")
                hasIncomplete = true
                return
            }
            var words = group.map(\.text)
            // Drop dangling punctuation around the kind ("- umowa ...", "MoU -").
            while let w = words.first, PartnerName.folded(w).isEmpty { words.removeFirst() }
            while let w = words.last, PartnerName.folded(w).isEmpty { words.removeLast() }
            var kind = words.joined(separator: " ")
            while let l = kind.last, ",;:-–".contains(l) { kind.removeLast() }
            guard !kind.isEmpty else { return }
            kinds.append(kind)
            if seg.signed != nil { contentAfterSigned = true }
        }

        private mutating func finishSegment() {
            if !kinds.isEmpty { seg.kind = kinds.joined(separator: " ") }
            if seg != TermSegment() || hasBadYear || hasIncomplete { segments.append(seg) }
        }

        private mutating func startSegment() {
            finishSegment()
            seg = TermSegment()
            hasBadYear = false
            hasIncomplete = false
            contentAfterSigned = false
            kinds = []
        }
    }
}
