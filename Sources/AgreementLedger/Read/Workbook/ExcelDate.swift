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
        guard (-719_162...2_932_896).contains(daysFrom1970) else { return nil }  // years 1...9999
        return PartialDate(dayNumber: daysFrom1970).description
    }
}
