/// Words that make a cell name an institution rather than a place, in each supported language.
/// Used to notice a row whose partner and city were typed into each other's columns.
enum InstitutionWords {
    static let words: Set<String> = [
        "university", "college", "institute", "institution", "academy", "school", "polytechnic", "faculty",
        "univerzitet", "sveuciliste", "veleuciliste", "fakultet", "akademija", "institut", "skola",
        "uniwersytet", "politechnika", "akademia", "instytut", "szkola", "uczelnia", "wydzial",
        "universitat", "hochschule", "fachhochschule", "universite", "ecole", "universidad", "universidade",
        "instituto", "escuela", "universita", "politecnico", "universiteti", "universiti", "universitas",
        "universiteit", "universitet", "universitatea", "univerzita", "egyetem", "yliopisto",
        "университет", "институт", "академия",
    ]

    /// True when some word of `text` is an institution word.
    static func names(_ text: String) -> Bool {
        PartnerName.folded(text).split(separator: " ").contains { words.contains(String($0)) }
    }
}
