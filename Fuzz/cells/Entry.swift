// libFuzzer entry for the cell normalizers (Sources/AgreementLedger/Normalize/Cells): dates, terms and
// validity, countries, statuses, partner names. The input is one cell's text (bytes decoded as UTF-8, with
// replacement characters for invalid sequences, as the reader never hands over invalid text).
//
// Besides "no crash", every date produced must print as a partial date that parses back to itself.

@_cdecl("LLVMFuzzerTestOneInput")
public func cellsFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let cell = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    checkCell(cell)
    return 0
}

func checkCell(_ cell: String) {
    for order in [DateOrder.dayFirst, .monthFirst] {
        for parsed in DateCellParser.parseAll(cell, order: order) { checkDate(parsed.date) }
        if let parsed = DateCellParser.parse(cell, order: order) { checkDate(parsed.date) }
        for segment in TermParser.parseSignedAndTerm(cell, order: order).segments { checkSegment(segment) }
        for segment in TermParser.parseDuration(cell, order: order).segments { checkSegment(segment) }
    }
    for segment in TermParser.parseDuration(cell).segments { checkSegment(segment) }
    _ = DateCellParser.inferOrder([cell, cell])
    if let serial = Int(cell.prefix(18).filter(\.isNumber)) { _ = DateCellParser.excelSerial(serial) }
    let countries = CountryTable.shared
    _ = countries.code(for: cell)
    if let parts = countries.splitCountries(cell) {
        for part in parts { _ = countries.code(for: part) }
    }
    _ = StatusVocabulary.status(of: cell)
    _ = StatusVocabulary.statuses(in: cell)
    let cleaned = PartnerName.clean(cell)
    _ = PartnerName.folded(cleaned.name)
    _ = PartnerName.folded(cell)
}

func checkDate(_ date: PartialDate) {
    precondition(PartialDate(date.description) == date, "a partial date that does not print back: \(date)")
}

func checkSegment(_ segment: TermSegment) {
    if let d = segment.signed { checkDate(d) }
    if let d = segment.validUntil { checkDate(d) }
}
