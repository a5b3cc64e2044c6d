/// The words term and validity cells are written with, one table per concept and per language, so that a
/// new language or spelling is a data change, not a parser change.
enum TermVocabulary {
    /// "No end date": the agreement runs until someone ends it.
    static let indefinite: [String: [String]] = [
        "en": ["permanent", "indefinite", "indefinitely", "unlimited", "no end", "open-ended", "open ended",
               "until terminated", "no expiry", "no expiration", "indefinite period", "for an indefinite period"],
        "bs": ["neodređeno", "neograničeno", "trajno", "na neodređeno vrijeme", "na neodređeno vreme",
               "neodređeno vrijeme", "na neodređeno", "neodređen", "neodređena"],
        "pl": ["na czas nieokreślony", "czas nieokreślony", "bezterminowo", "bezterminowa", "bezterminowy",
               "na czas nieoznaczony"],
        "de": ["unbefristet", "unbegrenzt", "auf unbestimmte zeit"],
        "fr": ["durée indéterminée", "illimitée", "illimité", "indéterminée", "pour une durée indéterminée"],
        "es": ["indefinido", "indefinida", "por tiempo indefinido", "tiempo indefinido"],
        "it": ["indeterminato", "tempo indeterminato", "a tempo indeterminato", "illimitato"],
        "tr": ["süresiz", "belirsiz", "süresiz olarak"],
        "ru": ["бессрочно", "бессрочный", "бессрочное", "бессрочная"],
    ]

    /// The cell says outright that no term is given.
    static let notStated: [String: [String]] = [
        "bs": ["nije navedeno", "nije definisano", "nije definirano", "nije navedena", "nije utvrđeno"],
        "en": ["not stated", "not specified", "n/a", "not defined", "unspecified"],
        "pl": ["nie określono", "brak danych", "nie podano"],
        "de": ["nicht angegeben"],
        "fr": ["non précisé", "non spécifié"],
        "es": ["no especificado"],
        "it": ["non specificato"],
        "tr": ["belirtilmemiş"],
        "ru": ["не указано", "не указан"],
    ]

    /// Words for a year, after a number ("5 godina", "na 5 lat", "3 years").
    static let yearUnits: [String] = [
        "godina", "godine", "godinu", "god", "g",
        "lat", "lata", "rok", "roku", "latach",
        "year", "years", "yr", "yrs", "y",
        "jahr", "jahre", "jahren",
        "an", "ans", "année", "années",
        "año", "años",
        "anno", "anni",
        "yıl", "yil",
        "год", "года", "лет",
    ]

    /// Words for a month, after a number ("6 months", "6 mjeseci").
    static let monthUnits: [String] = [
        "mjeseci", "mjeseca", "mjesec", "meseci", "meseca", "mesec",
        "miesięcy", "miesiące", "miesiąc",
        "month", "months", "mo",
        "monat", "monate", "monaten",
        "mois",
        "mes", "meses",
        "mese", "mesi",
        "ay",
        "месяц", "месяца", "месяцев",
    ]

    /// Words placed before a duration ("na 5 lat", "for 3 years"); consumed with it.
    static let durationPrepositions: Set<String> = ["na", "for", "za", "fur", "pour", "por", "per", "на", "period"]

    /// Words for an automatic renewal: dropped, since a renewal is what later snapshots show.
    static let renewal: [String] = [
        "automatycznie przedłużana", "automatycznie przedłużona", "automatycznie przedłużany",
        "z automatycznym przedłużeniem", "automatycznie", "z możliwością przedłużenia",
        "automatically renewed", "automatically renewable", "automatic renewal", "with automatic renewal",
        "auto renewal", "auto-renewal", "renewable", "tacitly renewed",
        "automatski produžen", "automatski produženo", "uz automatsko produženje", "automatski se produžava",
        "automatisch verlängert", "tacite reconduction", "renovación automática", "rinnovo automatico",
    ]

    /// Stems that mark a parenthesised note as a renewal note ("(automatycznie przedłużona)").
    static let renewalStems: [String] = [
        "automat", "przedluz", "renew", "prolong", "produz", "produlj", "verlanger", "reconduc", "renov", "rinnov",
    ]

    /// Words that introduce an academic year ("Akademski 2016/2017"): consumed with it.
    static let academicYear: [String] = [
        "akademski", "akademska", "akademska godina", "akademsku godinu", "školska godina",
        "academic year", "academic", "school year",
        "rok akademicki", "akademicki", "rok szkolny",
        "studienjahr", "akademisches jahr", "année universitaire", "año académico", "anno accademico",
        "akademik yıl", "учебный год",
    ]

    /// Words that introduce an end date ("Valid until 2025", "važi do 2024"): consumed, the date is the end.
    static let validUntilMarkers: [String] = [
        "valid until", "valid till", "valid to", "until", "till", "expires", "expires on", "expiry", "expiry date",
        "effective until", "valid through",
        "do", "važi do", "vrijedi do", "važeći do", "ważna do", "ważny do", "obowiązuje do",
        "bis", "gültig bis", "jusqu'au", "jusqu'à", "valable jusqu'au", "hasta", "válido hasta", "fino al",
        "valido fino al", "kadar", "tarihine kadar", "до", "действует до",
    ]

    /// Words that join two agreements in one cell ("2016 ... oraz 2025 ...").
    static let connectors: Set<String> = ["oraz", "and", "i", "und", "et", "y", "e", "ve", "и"]

    static func all(_ table: [String: [String]]) -> [String] { table.values.flatMap { $0 } }
}
