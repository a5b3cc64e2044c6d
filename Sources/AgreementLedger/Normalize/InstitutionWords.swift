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
        // Word by word over the folded bytes: every partner and city cell of a big file passes here.
        var folded = PartnerName.folded(text)
        return folded.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
                defer { start = end + 1 }
                if end > start && end - start <= longestWord
                    && words.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) {
                    return true
                }
            }
            return false
        }
    }

    /// The longest word in bytes: a longer one is not looked up.
    private static let longestWord = words.map(\.utf8.count).max()!
}
