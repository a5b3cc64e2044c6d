/// Turns spreadsheet date serial numbers into ISO dates; Excel counts days from 1900 (pretending 1900 was a
/// leap year) or, in the 1904 system of old Mac workbooks, from 1904-01-01.
public enum ExcelDate {
    /// The largest serial Excel accepts: 9999-12-31.
    static let maxSerial = 2_958_465.0

    /// "yyyy-mm-dd" for the day `serial` falls on (the time of day dropped), or nil when it is no date.
    /// Serial 60 of the 1900 system is Excel's phantom 1900-02-29 and is returned as such.
    public static func isoDate(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < maxSerial + 1 else { return nil }
        let n = Int(serial.rounded(.down))
        let daysFrom1970: Int
        if date1904 {
            guard n >= 0 else { return nil }
            daysFrom1970 = n - 24_107
        } else {
            guard n >= 1 else { return nil }
            if n == 60 { return "1900-02-29" }
            daysFrom1970 = n < 60 ? n - 25_568 : n - 25_569
        }
        let (y, m, d) = civil(daysFrom1970)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// Year, month, day of a day counted from 1970-01-01 in the proleptic Gregorian calendar, computed
    /// through 400-year eras (146,097 days each) that begin on March 1 so the leap day ends each year.
    static func civil(_ days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468  // days from 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
