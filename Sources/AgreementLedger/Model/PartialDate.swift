/// A calendar date known only as precisely as the source states it: "2024", "2024-05" or "2024-05-17".
///
/// Lists often give only a year ("2017 na czas nieokreślony") or a month ("xx.01.2018"); inventing the
/// missing parts would put words in the office's mouth, so the precision travels with the value.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    // Stored in 6 bytes (0 = unknown month or day): a big ledger holds millions of dates.
    private let storedYear: Int32
    private let storedMonth: UInt8
    private let storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int? { storedMonth == 0 ? nil : Int(storedMonth) }
    public var day: Int? { storedDay == 0 ? nil : Int(storedDay) }

    /// Makes a date; returns nil for impossible values (month 13, 31 April, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, day >= 1, day <= PartialDate.daysIn(month: month, year: year) else { return nil }
        }
        self.storedYear = Int32(year)
        self.storedMonth = UInt8(month ?? 0)
        self.storedDay = UInt8(day ?? 0)
    }

    /// Parses the canonical text form "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        var m: Int?
        var d: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let v = Int(parts[1]) else { return nil }
            m = v
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let v = Int(parts[2]) else { return nil }
            d = v
        }
        self.init(year: y, month: m, day: d)
    }

    /// True when year, month and day are all known.
    public var isFullDate: Bool { day != nil }

    public var description: String {
        var s = PartialDate.pad(year, 4)
        if let month { s += "-" + PartialDate.pad(month, 2) }
        if let day { s += "-" + PartialDate.pad(day, 2) }
        return s
    }

    /// Appends `description`'s bytes (serializers write millions of dates).
    func appendDescription<Out: ByteSink>(to out: inout Out) {
        out.appendDecimal(year, width: 4)
        if let month {
            out.append(UInt8(ascii: "-"))
            out.appendDecimal(month, width: 2)
        }
        if let day {
            out.append(UInt8(ascii: "-"))
            out.appendDecimal(day, width: 2)
        }
    }

    /// The first day the date can denote ("2024" -> 2024-01-01).
    public var firstDay: PartialDate {
        PartialDate(year: year, month: month ?? 1, day: day ?? 1)!
    }

    /// The last day the date can denote ("2024" -> 2024-12-31, "2024-02" -> 2024-02-29).
    public var lastDay: PartialDate {
        let m = month ?? 12
        return PartialDate(year: year, month: m, day: day ?? PartialDate.daysIn(month: m, year: year))!
    }

    /// True when every day this date can denote lies before `other`'s first day:
    /// "2024" is wholly before 2025-01-01 but not before 2024-06-01.
    public func isWhollyBefore(_ other: PartialDate) -> Bool {
        lastDay.dayNumber < other.firstDay.dayNumber
    }

    /// Orders by first possible day, then the less precise first (2024 < 2024-01 < 2024-01-01).
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        let x = a.firstDay.dayNumber, y = b.firstDay.dayNumber
        if x != y { return x < y }
        return a.precision < b.precision
    }

    private var precision: Int { day != nil ? 2 : (month != nil ? 1 : 0) }

    /// Days since 1970-01-01 of a full date (proleptic Gregorian); for partial dates, of `firstDay`.
    public var dayNumber: Int {
        let y0 = year, m0 = month ?? 1, d0 = day ?? 1
        // Howard Hinnant's days_from_civil.
        let y = m0 <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m0 + 9) % 12
        let doy = (153 * mp + 2) / 5 + d0 - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The full date `dayNumber` days after 1970-01-01.
    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.storedYear = Int32(clamping: y)
        self.storedMonth = UInt8(m)
        self.storedDay = UInt8(d)
    }

    /// Today's date in UTC.
    public static func today() -> PartialDate {
        let seconds = Int(Date().timeIntervalSince1970)
        return PartialDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

import struct Foundation.Date
