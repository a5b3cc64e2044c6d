/// The words lists use for an agreement's state, in each supported language: a stated status wins over
/// dates, so recognizing it reliably decides whether an agreement is reported expired or closed.
public enum StatusVocabulary {
    /// The status a cell states; nil for empty/unknown cells.
    ///
    /// A cell naming two different statuses (a row holding two agreements) states no single status: nil;
    /// use `statuses(in:)` for it.
    public static func status(of cell: String) -> AgreementStatus? {
        single(statuses(in: cell))
    }

    /// The one status `found` (what `statuses(in:)` gave) names, however often; nil for none or several.
    static func single(_ found: [AgreementStatus]) -> AgreementStatus? {
        guard let first = found.first, found.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// Several statuses in one cell ("aktivan Istekao" -> [.active, .expired]); empty when none.
    public static func statuses(in cell: String) -> [AgreementStatus] {
        let words = PartnerName.folded(cell).split(separator: " ").map(String.init)
        var result: [AgreementStatus] = []
        var i = 0
        while i < words.count {
            if negations.contains(words[i]), let m = matcher.match(words, at: i + 1), m.value == .active {
                result.append(.expired)      // "not active", "nie obowiązuje"
                i += 1 + m.length
            } else if let m = matcher.match(words, at: i) {
                result.append(m.value)
                i += m.length
            } else {
                i += 1
            }
        }
        return result
    }

    /// Words in force, per language.
    static let active: [String: [String]] = [
        "bs": ["aktivan", "aktivna", "aktivno", "aktivni", "važeći", "važeća", "važi", "na snazi"],
        "en": ["active", "valid", "current", "in force", "ongoing"],
        "pl": ["aktywna", "aktywny", "aktywne", "obowiązująca", "obowiązujący", "obowiązuje"],
        "de": ["aktiv", "gültig", "in kraft"],
        "fr": ["actif", "active", "en vigueur", "valide"],
        "es": ["activo", "activa", "vigente"],
        "it": ["attivo", "attiva", "valido", "valida", "in vigore"],
        "tr": ["aktif", "geçerli", "yürürlükte"],
        "ru": ["действует", "действующий", "активен", "активный"],
    ]

    /// Words for an agreement that ran out.
    static let expired: [String: [String]] = [
        "bs": ["istekao", "istekla", "isteklo", "istekli", "istekle", "neaktivan", "neaktivna"],
        "en": ["expired", "lapsed", "ended", "inactive", "outdated"],
        "pl": ["wygasła", "wygasły", "wygasł", "wygasło", "nieaktualna", "nieaktualny", "nieaktywna", "zakończona",
               "zakończony"],
        "de": ["abgelaufen", "ausgelaufen"],
        "fr": ["expiré", "expirée", "échu"],
        "es": ["vencido", "vencida", "expirado", "expirada"],
        "it": ["scaduto", "scaduta"],
        "tr": ["süresi dolmuş", "sona erdi"],
        "ru": ["истёк", "истек", "истекло", "истекший"],
    ]

    /// Words for an agreement ended before its time (terminated, or the partner closed).
    static let closed: [String: [String]] = [
        "bs": ["zatvoren", "zatvorena", "zatvoreno", "raskinut", "raskinuta", "raskinuto", "otkazan", "otkazana",
               "otkazano", "prekinut", "prekinuta", "prekinuto", "ugašen", "ugašena", "ugašeno"],
        "en": ["closed", "terminated", "cancelled", "canceled", "withdrawn", "rescinded"],
        "pl": ["rozwiązana", "rozwiązany", "zamknięta", "zamknięty", "wypowiedziana", "wypowiedziany"],
        "de": ["gekündigt", "beendet", "geschlossen", "aufgelöst"],
        "fr": ["résilié", "résiliée", "fermé", "fermée"],
        "es": ["rescindido", "rescindida", "cerrado", "cerrada"],
        "it": ["chiuso", "chiusa", "risolto", "risolta"],
        "tr": ["feshedildi", "kapandı", "kapatıldı"],
        "ru": ["расторгнут", "расторгнуто", "закрыт", "закрыто"],
    ]

    /// Words that turn an "in force" word into its opposite ("nije aktivan", "not valid").
    static let negations: Set<String> = ["not", "no", "nije", "nie", "nicht", "non", "ne", "не", "degil"]

    private static let matcher: PhraseMatcher<AgreementStatus> = {
        var entries: [(String, AgreementStatus)] = []
        for (table, status) in [(active, AgreementStatus.active), (expired, .expired), (closed, .closed)] {
            for words in table.values { entries += words.map { ($0, status) } }
        }
        return PhraseMatcher(entries)
    }()
}
