/// Which of the two numbers in a slash date is the day: lists use both conventions and rarely say which.
public enum DateOrder: Sendable {
    /// dd/mm/yyyy, as in most of Europe.
    case dayFirst
    /// m/d/yyyy, as in US-style exports.
    case monthFirst
}

/// A date read from a cell, with a note when reading it took an assumption the user should be able to see.
public struct ParsedDate: Hashable, Sendable {
    /// The date, exactly as precise as written.
    public var date: PartialDate
    /// What reading it assumed ("day unknown", "year written as 2,006"), for a row warning; nil when plain.
    public var note: String?

    /// Makes a parsed date; `note` says what was assumed ("day unknown", "two-digit year ...").
    public init(date: PartialDate, note: String? = nil) {
        self.date = date
        self.note = note
    }
}

/// Reads the dates offices type into spreadsheet cells, as precisely as they are written and never more.
public enum DateCellParser {
    /// Every date in the cell, in order ("03/05/2007 15/11/2007" gives two). Empty for a non-date cell.
    public static func parseAll(_ cell: String, order: DateOrder) -> [ParsedDate] {
        parseAll(cell, orderOrNil: order)
    }

    /// The single date of a cell, or nil when the cell holds none or several.
    public static func parse(_ cell: String, order: DateOrder) -> ParsedDate? {
        let all = parseAll(cell, order: order)
        return all.count == 1 ? all[0] : nil
    }

    /// The order the cells of one column use: .dayFirst when some a/b/yyyy cell has a > 12, .monthFirst when
    /// some has b > 12; nil when nothing decides or the column contradicts itself.
    public static func inferOrder(_ cells: some Sequence<String>) -> DateOrder? {
        var evidence = OrderEvidence()
        for cell in cells { evidence.add(cell) }
        return evidence.order
    }

    /// What a column's cells say about its day/month order, gathered cell by cell: pieces of a big file are
    /// looked at on different cores and their evidence joined, without holding the cells.
    struct OrderEvidence: Sendable {
        private var dayFirst = false
        private var monthFirst = false
        /// Some cell has three parts between slashes: a date that could be read either way if nothing decides.
        private(set) var hasSlashDate = false

        /// The order decided, as `inferOrder` says.
        var order: DateOrder? {
            if dayFirst == monthFirst { return nil }
            return dayFirst ? .dayFirst : .monthFirst
        }

        /// Both pieces' evidence, as if their cells had been seen together.
        mutating func join(_ other: OrderEvidence) {
            dayFirst = dayFirst || other.dayFirst
            monthFirst = monthFirst || other.monthFirst
            hasSlashDate = hasSlashDate || other.hasSlashDate
        }

        mutating func add(_ cell: String) {
            if let scan = PlainScan(cell) {
                // One plain token: the a/b/yyyy test straight on its numbers.
                if scan.separator == UInt8(ascii: "/") && scan.parts == 3 { hasSlashDate = true }
                if scan.parts == 3, scan.separator == UInt8(ascii: "/"), scan.lengths.0 <= 2, scan.lengths.1 <= 2,
                   scan.lengths.2 == 2 || scan.lengths.2 == 4 {
                    let (a, b) = (scan.values.0, scan.values.1)
                    if a > 12 && b <= 12 { dayFirst = true }
                    if b > 12 && a <= 12 { monthFirst = true }
                }
                return
            }
            // Only a cell with a slash can hold an a/b/yyyy date.
            guard cell.utf8.contains(UInt8(ascii: "/")) else { return }
            if cell.split(separator: "/").count == 3 { hasSlashDate = true }
            for token in tokens(of: CellText.collapsed(cell)) {
                let parts = token.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 3, parts[2].count == 2 || parts[2].count == 4,
                      let a = number(parts[0], maxDigits: 2), let b = number(parts[1], maxDigits: 2),
                      number(parts[2], maxDigits: 4) != nil else { continue }
                if a > 12 && b <= 12 { dayFirst = true }
                if b > 12 && a <= 12 { monthFirst = true }
            }
        }
    }

    /// Excel serial day number (1900 system, with Excel's fictitious 1900-02-29) to a date.
    public static func excelSerial(_ serial: Int) -> PartialDate? {
        // Serial 1 is 1900-01-01; Excel counts a 29 February 1900 that never was (serial 60).
        switch serial {
        case 1...59: return PartialDate(dayNumber: epoch1900 + serial - 1)
        case 61...2_958_465: return PartialDate(dayNumber: epoch1900 + serial - 2)
        default: return nil
        }
    }

    // MARK: - Internals shared with TermParser

    /// Day number of 1900-01-01.
    private static let epoch1900 = PartialDate(year: 1900, month: 1, day: 1)!.dayNumber

    /// Years accepted as a bare 4-digit year or as the year of a date.
    static let plausibleYears = 1900...2100

    /// `parseAll` with an optional order: without one, slash dates are read only when unambiguous.
    static func parseAll(_ cell: String, orderOrNil order: DateOrder?) -> [ParsedDate] {
        plainDate(cell, order: order) ?? parseGeneral(cell, order: order)
    }

    /// `parseAll` for any cell: tokens, each read as a date.
    static func parseGeneral(_ cell: String, order: DateOrder?) -> [ParsedDate] {
        let text = CellText.collapsed(cell)
        if text.isEmpty { return [] }
        if let year = thousandsSeparatedYear(text) {
            return [ParsedDate(date: PartialDate(year: year)!, note: "year written as \(text)")]
        }
        if text.count == 5, let serial = Int(text), (20_000...80_000).contains(serial),
           let date = excelSerial(serial) {
            return [ParsedDate(date: date, note: "Excel serial number \(serial) read as \(date)")]
        }
        return tokens(of: text).compactMap { parseToken($0, order: order) }
    }

    /// Candidate date tokens: words split at spaces, commas and semicolons, brackets and a final dot removed.
    static func tokens(of text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).compactMap { word in
            var t = word
            while let f = t.first, "([{".contains(f) { t = t.dropFirst() }
            while let l = t.last, ")]}.:".contains(l) { t = t.dropLast() }
            return t.isEmpty ? nil : t
        }
    }

    /// One date written without spaces: "2019", "2019-03", "2019-03-12", "12.03.2019", "3/12/19", "xx.01.2018".
    static func parseToken(_ token: Substring, order: DateOrder?) -> ParsedDate? {
        guard let sep = token.first(where: { $0 == "/" || $0 == "." || $0 == "-" }) else {
            if token.count == 4, let y = number(token, maxDigits: 4), plausibleYears.contains(y) {
                return ParsedDate(date: PartialDate(year: y)!)
            }
            return nil
        }
        let parts = token.split(separator: sep, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 != "/" && $0 != "." && $0 != "-" } })
        else { return nil }

        if parts.count == 2 {
            // yyyy-mm, or mm.yyyy / mm/yyyy
            if parts[0].count == 4, let y = year4(parts[0]), let m = number(parts[1], maxDigits: 2),
               let d = PartialDate(year: y, month: m) {
                return ParsedDate(date: d)
            }
            if parts[1].count == 4, let y = year4(parts[1]), let m = number(parts[0], maxDigits: 2),
               let d = PartialDate(year: y, month: m) {
                return ParsedDate(date: d)
            }
            return nil
        }
        guard parts.count == 3 else { return nil }

        if parts[0].count == 4 {
            // ISO-like year first: yyyy-mm-dd (any separator).
            guard let y = year4(parts[0]), let m = number(parts[1], maxDigits: 2) else { return nil }
            if isUnknown(parts[2]) {
                return PartialDate(year: y, month: m).map { ParsedDate(date: $0, note: "day unknown") }
            }
            guard let d = number(parts[2], maxDigits: 2) else { return nil }
            return PartialDate(year: y, month: m, day: d).map { ParsedDate(date: $0) }
        }

        // a sep b sep year
        var notes: [String] = []
        let yearText = parts[2]
        let year: Int
        if yearText.count == 4, let y = year4(yearText) {
            year = y
        } else if yearText.count == 2, let yy = number(yearText, maxDigits: 2) {
            year = yy < 70 ? 2000 + yy : 1900 + yy
            notes.append("two-digit year \(yearText) read as \(year)")
        } else {
            return nil
        }

        // Which part is the day: dots and dashes are day-first everywhere; slashes follow the column.
        let candidates: [DateOrder]
        if sep != "/" {
            candidates = [.dayFirst]
        } else if let order {
            candidates = [order]
        } else {
            candidates = [.dayFirst, .monthFirst]
        }
        var results: [ParsedDate] = []
        for candidate in candidates {
            let (dayText, monthText) = candidate == .dayFirst ? (parts[0], parts[1]) : (parts[1], parts[0])
            guard let month = number(monthText, maxDigits: 2) else { continue }
            var n = notes
            let date: PartialDate?
            if isUnknown(dayText) {
                date = PartialDate(year: year, month: month)
                n.insert("day unknown", at: 0)
            } else if let day = number(dayText, maxDigits: 2) {
                date = PartialDate(year: year, month: month, day: day)
            } else {
                date = nil
            }
            if let date { results.append(ParsedDate(date: date, note: n.isEmpty ? nil : n.joined(separator: "; "))) }
        }
        // Without a known order, keep only a reading both orders agree on (or the only possible one).
        guard let first = results.first, results.allSatisfy({ $0.date == first.date }) else { return nil }
        return first
    }

    // MARK: - The common case, byte by byte

    /// What `parseAll` gives for a cell that is nothing but one plain date ("2016", "3/22/2016",
    /// "22.03.16", "2016-03-22"), read from its bytes without building tokens; nil for any other cell,
    /// which takes the general path. Most cells of a big list are like this; the tests check that both
    /// paths agree on every such form.
    static func plainDate(_ cell: String, order: DateOrder?) -> [ParsedDate]? {
        guard let scan = PlainScan(cell) else { return nil }
        let (values, lengths, separator) = (scan.values, scan.lengths, scan.separator)
        if scan.parts == 1 {
            guard lengths.0 == 4 else { return nil }
            return plausibleYears.contains(values.0) ? [ParsedDate(date: PartialDate(year: values.0)!)] : []
        }
        guard scan.parts == 3 else { return nil }
        if lengths.0 == 4 {
            // yyyy-mm-dd, any separator.
            guard plausibleYears.contains(values.0), lengths.1 <= 2, lengths.2 <= 2,
                  let date = PartialDate(year: values.0, month: values.1, day: values.2) else { return [] }
            return [ParsedDate(date: date)]
        }
        let year: Int
        var note: String?
        switch lengths.2 {
        case 4:
            guard plausibleYears.contains(values.2) else { return [] }
            year = values.2
        case 2:
            year = values.2 < 70 ? 2000 + values.2 : 1900 + values.2
            note = "two-digit year \(values.2 < 10 ? "0" : "")\(values.2) read as \(year)"
        default:
            return []
        }
        guard lengths.0 <= 2, lengths.1 <= 2 else { return [] }
        let candidates: [DateOrder] = separator != UInt8(ascii: "/") ? [.dayFirst] : order.map { [$0] } ?? [.dayFirst, .monthFirst]
        var result: PartialDate?
        for candidate in candidates {
            let (day, month) = candidate == .dayFirst ? (values.0, values.1) : (values.1, values.0)
            guard let date = PartialDate(year: year, month: month, day: day) else { continue }
            if let earlier = result, earlier != date { return [] }
            result = date
        }
        return result.map { [ParsedDate(date: $0, note: note)] } ?? []
    }

    /// A cell of 4 or 6 to 10 bytes made only of up to three ASCII numbers (4 digits at most) joined by one
    /// kind of separator (`/`, `.` or `-`); nil for anything else.
    struct PlainScan {
        var values = (0, 0, 0), lengths = (0, 0, 0)
        var parts = 0
        var separator: UInt8 = 0

        init?(_ cell: String) {
            var cell = cell
            guard let scan = cell.withUTF8({ PlainScan(bytes: $0) }) else { return nil }
            self = scan
        }

        private init() {}

        private init?(bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count == 4 || (6...10).contains(bytes.count) else { return nil }
            self.init()
            var value = 0, length = 0
            for byte in bytes {
                if byte >= 0x30 && byte <= 0x39 {
                    value = value * 10 + Int(byte - 0x30)
                    length += 1
                    if length > 4 { return nil }
                } else if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                    guard parts < 2, length > 0, separator == 0 || separator == byte else { return nil }
                    separator = byte
                    store(value, length)
                    value = 0
                    length = 0
                } else {
                    return nil
                }
            }
            guard length > 0 else { return nil }
            store(value, length)
        }

        private mutating func store(_ value: Int, _ length: Int) {
            switch parts {
            case 0: (values.0, lengths.0) = (value, length)
            case 1: (values.1, lengths.1) = (value, length)
            default: (values.2, lengths.2) = (value, length)
            }
            parts += 1
        }
    }

    // MARK: - Small readers

    /// "2,006", "2.006" or "2 006": a year typed with a thousands separator.
    private static func thousandsSeparatedYear(_ text: String) -> Int? {
        let chars = Array(text)
        guard chars.count == 5, chars[0] == "1" || chars[0] == "2", ",. ".contains(chars[1]),
              let rest = Int(String(chars[2...])), chars[2...].allSatisfy(\.isASCII) else { return nil }
        let year = (chars[0] == "1" ? 1000 : 2000) + rest
        return plausibleYears.contains(year) ? year : nil
    }

    /// A day written as unknown: "xx", "XX", "??", "x", "?".
    private static func isUnknown(_ s: Substring) -> Bool {
        (1...2).contains(s.count) && s.allSatisfy { $0 == "x" || $0 == "X" || $0 == "?" }
    }

    private static func year4(_ s: Substring) -> Int? {
        guard s.count == 4, let y = number(s, maxDigits: 4), plausibleYears.contains(y) else { return nil }
        return y
    }

    /// An unsigned ASCII number of at most `maxDigits` digits.
    static func number(_ s: Substring, maxDigits: Int) -> Int? {
        guard !s.isEmpty, s.count <= maxDigits else { return nil }
        var v = 0
        for u in s.utf8 {
            guard u >= 0x30 && u <= 0x39 else { return nil }
            v = v * 10 + Int(u - 0x30)
        }
        return v
    }
}
