/// Reads the date a list states for itself in a footer ("Updated on January 17, 2022",
/// "Data aktualizacji: 02.04.2026"): that is the snapshot's `asOf`.
///
/// A footer needs both a "this list is as of" phrase from the vocabulary and a full date; a lone
/// date in a row is not a footer.
public enum FooterDate {
    /// Folded phrases that introduce the list's own date, in each supported language.
    static let phrases: [String] = [
        // en
        "updated on", "updated", "last updated", "last update", "as of", "as at", "status as of", "date of update",
        // pl
        "data aktualizacji", "aktualizacja", "stan na", "stan na dzien", "zaktualizowano",
        // bs/hr/sr
        "azurirano", "azurirano dana", "stanje na dan", "stanje na", "datum azuriranja", "posljednja izmjena",
        // de
        "stand", "aktualisiert am", "aktualisiert", "stand vom",
        // fr
        "mis a jour le", "mise a jour", "a jour au",
        // es
        "actualizado", "actualizado el", "fecha de actualizacion",
        // it
        "aggiornato al", "aggiornato il", "aggiornamento",
        // tr
        "guncelleme tarihi", "guncellendi",
        // ru
        "обновлено", "по состоянию на", "дата обновления",
    ].map { PartnerName.folded($0) }

    /// Month names (folded) in each supported language, nominative and genitive forms, -> month number.
    static let monthNames: [String: Int] = {
        let table: [[String]] = [
            ["january", "jan", "styczen", "stycznia", "januar", "siječanj", "sijecanj", "sijecnja", "janvier", "enero", "gennaio", "ocak", "январь", "января"],
            ["february", "feb", "luty", "lutego", "februar", "veljača", "veljaca", "veljace", "fevrier", "février", "febrero", "febbraio", "subat", "şubat", "февраль", "февраля"],
            ["march", "mar", "marzec", "marca", "mart", "ožujak", "ozujak", "ozujka", "märz", "marz", "mars", "marzo", "март", "марта"],
            ["april", "apr", "kwiecien", "kwietnia", "travanj", "travnja", "avril", "abril", "aprile", "nisan", "апрель", "апреля"],
            ["may", "maj", "maja", "svibanj", "svibnja", "mai", "mayo", "maggio", "mayis", "май", "мая"],
            ["june", "jun", "czerwiec", "czerwca", "juni", "lipanj", "lipnja", "juin", "junio", "giugno", "haziran", "июнь", "июня"],
            ["july", "jul", "lipiec", "lipca", "juli", "srpanj", "srpnja", "juillet", "julio", "luglio", "temmuz", "июль", "июля"],
            ["august", "aug", "sierpien", "sierpnia", "avgust", "kolovoz", "kolovoza", "aout", "août", "agosto", "agustos", "август", "августа"],
            ["september", "sep", "sept", "wrzesien", "wrzesnia", "septembar", "rujan", "rujna", "septembre", "septiembre", "settembre", "eylul", "сентябрь", "сентября"],
            ["october", "oct", "pazdziernik", "pazdziernika", "oktobar", "oktober", "listopad", "octobre", "octubre", "ottobre", "ekim", "октябрь", "октября"],
            ["november", "nov", "listopada", "novembar", "studeni", "studenog", "novembre", "noviembre", "kasim", "ноябрь", "ноября"],
            ["december", "dec", "grudzien", "grudnia", "decembar", "dezember", "prosinac", "prosinca", "decembre", "diciembre", "dicembre", "aralik", "декабрь", "декабря"],
        ]
        var names: [String: Int] = [:]
        for (i, list) in table.enumerated() {
            for name in list { names[PartnerName.folded(name)] = i + 1 }
        }
        // "listopad" is October in Polish but November in Croatian; the Polish sense is the common one in lists.
        names["listopad"] = 10
        return names
    }()

    /// The date a footer line states, or nil when the text is not such a footer.
    public static func asOf(inFooter text: String) -> PartialDate? {
        let folded = PartnerName.folded(text)
        let padded = " " + folded + " "
        guard phrases.contains(where: { padded.hasPrefix(" " + $0 + " ") || padded.contains(" " + $0 + " ") }) else {
            return nil
        }
        return firstDate(in: text)
    }

    /// The first full date in free text: "January 17, 2022", "17 January 2022", "02.04.2026", "2026-04-02".
    static func firstDate(in text: String) -> PartialDate? {
        // Tokens of letters or digits; punctuation separates.
        let tokens = PartnerName.folded(text).split(separator: " ").map(String.init)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            // Month name forms.
            if let month = monthNames[t] {
                // "January 17 2022"
                if i + 2 < tokens.count, let d = Int(tokens[i + 1]), let y = Int(tokens[i + 2]), tokens[i + 2].count == 4,
                   let date = PartialDate(year: y, month: month, day: d) { return date }
                // "17 January 2022"
                if i >= 1, i + 1 < tokens.count, let d = Int(tokens[i - 1]), let y = Int(tokens[i + 1]), tokens[i + 1].count == 4,
                   let date = PartialDate(year: y, month: month, day: d) { return date }
            }
            i += 1
        }
        // Numeric forms, looked for in the raw text (folding turned punctuation into spaces).
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
            var w = Substring(word)
            while let last = w.last, last == "." || last == ")" { w = w.dropLast() }
            if let d = DateCellParser.parse(String(w), order: .dayFirst), d.date.isFullDate { return d.date }
        }
        return nil
    }
}
