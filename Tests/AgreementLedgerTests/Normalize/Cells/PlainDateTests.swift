import Testing
@testable import AgreementLedger

/// The byte-level reader of plain date cells must agree with the general parser on every form it takes.
@Suite struct PlainDateTests {
    static let numbers = ["0", "1", "01", "09", "9", "12", "13", "28", "29", "30", "31", "32", "99", "00", "001"]
    static let years = ["1899", "1900", "2016", "2024", "2100", "2101", "0000", "16", "69", "70", "99", "00", "05", "1", "123", "20166"]

    static func plainCells() -> Set<String> {
        var cells: Set<String> = ["2016", "1899", "2101", "0000", "9999", "12345", "2,006", "2.006", "44197"]
        for separator in ["/", ".", "-"] {
            for a in Self.numbers {
                for b in Self.numbers {
                    for y in Self.years {
                        cells.insert(a + separator + b + separator + y)
                        cells.insert(y + separator + a + separator + b)
                    }
                }
                cells.insert(a + separator + "2016")
                cells.insert("2016" + separator + a)
            }
        }
        cells.formUnion(["3/22/2016", "22.03.2016", "2016-03-22", "1/2-2016", "22.03.2016.", "x/3/2016", "2016/3/xx"])
        return cells
    }

    @Test func agreesWithTheGeneralParserOnEveryPlainForm() {
        let cells = Self.plainCells()
        var fast = 0
        for cell in cells {
            for order in [nil, DateOrder.dayFirst, .monthFirst] {
                let general = DateCellParser.parseGeneral(cell, order: order)
                if let plain = DateCellParser.plainDate(cell, order: order) {
                    fast += 1
                    #expect(plain == general, "\(cell) \(String(describing: order))")
                }
                #expect(DateCellParser.parseAll(cell, orderOrNil: order) == general)
            }
        }
        #expect(fast > 10_000, "the fast path must cover the common forms")
        #expect(DateCellParser.plainDate("3/22/2016", order: .monthFirst) == [ParsedDate(date: PartialDate("2016-03-22")!)])
        #expect(DateCellParser.plainDate("22.03.16", order: nil)
            == [ParsedDate(date: PartialDate("2016-03-22")!, note: "two-digit year 16 read as 2016")])
        #expect(DateCellParser.plainDate("2/3/2016", order: nil) == [], "ambiguous without an order")
        #expect(DateCellParser.plainDate("Permanent", order: nil) == nil)
    }

    @Test func orderInferenceAgreesWithTheGeneralPath() {
        // Brackets send a cell down the general path (tokens drop them) without changing its reading.
        for cell in Self.plainCells() {
            #expect(DateCellParser.inferOrder([cell]) == DateCellParser.inferOrder(["(" + cell + ")"]), "\(cell)")
        }
        #expect(DateCellParser.inferOrder(["3/22/2016", "1/2/2016"]) == .monthFirst)
        #expect(DateCellParser.inferOrder(["22/3/2016", "(1/2/2016)"]) == .dayFirst)
        #expect(DateCellParser.inferOrder(["22/3/2016", "3/22/16"]) == nil, "a contradiction decides nothing")
    }
}
