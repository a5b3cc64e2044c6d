/// The words offices put in header cells, per language, and which column role each names.
///
/// Kept as data so a new language is a new block of lines, not new code. Phrases are matched on
/// folded text (lower case, no diacritics, punctuation as spaces) as whole words inside the header cell;
/// the longest matching phrase wins, and a cell naming both a signing date and a term is the combined
/// `signedAndTerm` column (the Polish "ROK ZAWARCIA I OKRES TRWANIA").
public struct HeaderVocabulary: Sendable {
    /// One phrase: its role and the language it belongs to (used to pick the file's date convention).
    public struct Entry: Sendable {
        public let phrase: String
        public let role: ColumnRole
        public let language: String
        /// The phrase between two spaces, as it is looked for in a padded header (made once, not per cell).
        let padded: String

        init(phrase: String, role: ColumnRole, language: String) {
            self.phrase = phrase
            self.role = role
            self.language = language
            padded = " " + phrase + " "
        }
    }

    public let entries: [Entry]

    public static let standard = HeaderVocabulary(table: HeaderVocabulary.data)

    init(table: String) {
        var entries: [Entry] = []
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 3, let role = ColumnRole(rawValue: String(parts[1])) else { continue }
            for phrase in parts[2].split(separator: "|") {
                entries.append(Entry(phrase: PartnerName.folded(String(phrase)), role: role, language: String(parts[0])))
            }
        }
        self.entries = entries
    }

    /// The role a header cell names and the language of the phrase, or nil when no phrase matches.
    public func role(ofHeader cell: String) -> (role: ColumnRole, language: String)? {
        // A header names a column in a few words; a long cell is data, and searching it would be slow.
        guard cell.utf8.count <= 200 else { return nil }
        let folded = PartnerName.folded(cell)
        guard !folded.isEmpty else { return nil }
        let padded = " " + folded + " "
        var best: Entry?
        var sawSigned = false, sawTerm = false
        // Folded text on both sides, so a byte search finds what a search by characters would.
        for entry in entries where CellText.contains(padded, entry.padded) {
            // A running-number word ("no", "nr") names the column only when it is the whole header.
            if entry.role == .ordinal && entry.phrase != folded { continue }
            if entry.role == .signed { sawSigned = true }
            if entry.role == .term { sawTerm = true }
            if best == nil || entry.phrase.count > best!.phrase.count { best = entry }
        }
        guard let best else { return nil }
        if sawSigned && sawTerm { return (.signedAndTerm, best.language) }
        return (best.role, best.language)
    }

    // language <TAB> role <TAB> phrase|phrase|...
    // Ordinal phrases are short, so they must be the whole cell to count (see `role(ofHeader:)` callers).
    static let data = """
    en\tpartner\tpartner|partner university|partner institution|partner university organisation|university|institution|organisation|organization|name of institution|higher education institution|partner name
    en\tcountry\tcountry|nation
    en\tcountryCode\tcountry code|iso code
    en\tcity\tcity|town|location
    en\tsigned\tdate of agreement|agreement date|signed|date signed|signing date|date of signing|conclusion date|date of conclusion|concluded|year signed|start date|signature date
    en\tvalidUntil\tvalid until|valid till|valid to|effective until|expiry|expiry date|expires|expiration|expiration date|end date|validity|valid through
    en\tterm\tterm|duration|period|length
    en\tstatus\tstatus|state
    en\tkind\ttype|agreement type|type of agreement|kind|kind of agreement|category
    en\treference\tregistration number|reference|ref|reference number|agreement number|registration no|contract number
    en\turl\turl|website|web site|web|link|homepage|web page
    en\tordinal\tno|nr|number|#|n
    bs\tpartner\tuniverzitet|sveuciliste|institucija|partner|naziv institucije|naziv partnera|partnerska institucija|ustanova
    bs\tcountry\tdrzava|zemlja
    bs\tcity\tgrad|mjesto
    bs\tsigned\tdatum potpisivanja|godina potpisivanja|datum godina potpisivanja|datum|potpisan|datum zakljucenja
    bs\tvalidUntil\tvrijedi do|vazi do|vazenje do|rok vazenja|istice
    bs\tterm\ttrajanje|period trajanja|rok trajanja
    bs\tstatus\tvaljanost|status|stanje
    bs\tkind\tvrsta ugovora|vrsta sporazuma|vrsta|tip ugovora|tip
    bs\treference\tbroj ugovora|broj|delovodni broj|djelovodni broj|broj protokola
    bs\turl\tweb stranica|web|link|adresa
    bs\tordinal\trb|r br|redni broj
    pl\tpartner\tnazwa uczelni|uczelnia|nazwa instytucji|instytucja|partner|nazwa partnera|uczelnia partnerska
    pl\tcountry\tkraj|panstwo
    pl\tcity\tmiasto|miejscowosc
    pl\tsigned\trok zawarcia|data zawarcia|data podpisania|rok podpisania|zawarta
    pl\tvalidUntil\twazna do|obowiazuje do|data wygasniecia|wygasa
    pl\tterm\tokres trwania|okres obowiazywania|czas trwania|okres
    pl\tstatus\tstatus|stan
    pl\tkind\trodzaj umowy|typ umowy|rodzaj|typ
    pl\treference\tnumer umowy|nr umowy|numer rejestru|sygnatura
    pl\turl\tstrona internetowa|strona www|strona|adres www|www
    pl\tordinal\tlp|l p|nr
    de\tpartner\thochschule|universitat|partnerhochschule|partneruniversitat|einrichtung|institution|partner
    de\tcountry\tland|staat
    de\tcity\tstadt|ort
    de\tsigned\tunterzeichnet|datum der unterzeichnung|abschlussdatum|unterzeichnungsdatum
    de\tvalidUntil\tgultig bis|laufzeit bis|ablaufdatum
    de\tterm\tlaufzeit|dauer
    de\tkind\tart der vereinbarung|vertragsart|art
    de\treference\taktenzeichen|vertragsnummer
    fr\tpartner\tuniversite|etablissement|partenaire|institution
    fr\tcountry\tpays
    fr\tcity\tville
    fr\tsigned\tdate de signature|signe le|date de conclusion
    fr\tvalidUntil\tvalable jusqu au|date d expiration|echeance
    fr\tterm\tduree
    fr\tstatus\tstatut|etat
    fr\tkind\ttype d accord|type de convention
    es\tpartner\tuniversidad|institucion|socio
    es\tcountry\tpais
    es\tcity\tciudad
    es\tsigned\tfecha de firma|fecha firma|firmado
    es\tvalidUntil\tvalido hasta|vigencia hasta|vencimiento|fecha de vencimiento
    es\tterm\tduracion|vigencia
    es\tstatus\testado
    es\tkind\ttipo de convenio|tipo de acuerdo|tipo
    it\tpartner\tuniversita|ateneo|istituzione|partner
    it\tcountry\tpaese|nazione|stato
    it\tcity\tcitta
    it\tsigned\tdata di firma|data firma|data stipula|firmato
    it\tvalidUntil\tvalido fino al|scadenza|data di scadenza
    it\tterm\tdurata
    it\tkind\ttipo di accordo|tipologia
    tr\tpartner\tuniversite|kurum|ortak kurum|universite adi
    tr\tcountry\tulke
    tr\tcity\tsehir
    tr\tsigned\timza tarihi|anlasma tarihi
    tr\tvalidUntil\tgecerlilik tarihi|bitis tarihi|gecerlilik
    tr\tterm\tsure
    tr\tstatus\tdurum
    tr\tkind\tanlasma turu|tur
    ru\tpartner\tуниверситет|вуз|организация|партнер|учреждение
    ru\tcountry\tстрана
    ru\tcity\tгород
    ru\tsigned\tдата подписания|дата заключения|подписан
    ru\tvalidUntil\tдействует до|срок действия до|дата окончания
    ru\tterm\tсрок действия|срок
    ru\tstatus\tстатус
    ru\tkind\tтип соглашения|вид соглашения|тип
    ru\tordinal\tп п|№
    """
}
