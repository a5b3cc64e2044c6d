/// Notices web addresses that belong to a neighbouring row: lists where one column slid against the
/// names (the Polish list's URLs and continents, from about row 181) read as plausible but wrong.
///
/// A row is flagged when its address shares no distinctive word with its own partner but does with the
/// partner just above or below. The value is kept as written; the warning tells the reader to check it.
enum URLAlignment {
    static let generic: Set<String> = ["www", "edu", "ac", "com", "org", "net", "gov", "http", "https", "html", "htm",
                                       "index", "php", "aspx", "asp", "en", "eng", "english", "home", "main", "page",
                                       "web", "portal", "uni", "univ"]

    /// Distinctive words of a URL's host and path.
    static func tokens(_ url: String) -> [String] {
        PartnerName.folded(url.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: "/", with: " "))
            .split(separator: " ").map(String.init).filter { $0.count >= 3 && !generic.contains($0) && !$0.allSatisfy(\.isNumber) }
    }

    /// True when some distinctive URL word and some word of `name` (or its initials) contain each other.
    static func agrees(_ urlTokens: [String], _ name: String, _ city: String?) -> Bool {
        let words = PartnerName.folded(name + " " + (city ?? "")).split(separator: " ").map(String.init)
        let initials = String(PartnerName.folded(name).split(separator: " ").compactMap(\.first))
        for t in urlTokens {
            if initials.count >= 3 && (initials.contains(t) || t.contains(initials)) { return true }
            for w in words where w.count >= 4 {
                if t.contains(w) || (w.contains(t) && t.count >= 4) { return true }
                if w.count >= 5 && t.count >= 5 && (t.hasPrefix(w.prefix(5)) || w.hasPrefix(t.prefix(5))) { return true }
            }
        }
        return false
    }

    /// One warning per run of at least `minimumRun` consecutive rows whose addresses fit a neighbour
    /// better than themselves: a slid column shows as a run, an odd address alone proves little.
    static func warnings(_ records: [AgreementRecord], minimumRun: Int = 3) -> [RowWarning] {
        var flagged = [Bool](repeating: false, count: records.count)
        for (i, r) in records.enumerated() {
            guard let url = r.url else { continue }
            let t = tokens(url)
            guard !t.isEmpty, !agrees(t, r.partner, r.city) else { continue }
            flagged[i] = [i - 1, i + 1].contains { j in
                records.indices.contains(j) && records[j].row != r.row && agrees(t, records[j].partner, records[j].city)
            }
        }
        var out: [RowWarning] = []
        var i = 0
        while i < records.count {
            guard flagged[i] else { i += 1; continue }
            var j = i
            while j + 1 < records.count && flagged[j + 1] { j += 1 }
            if j - i + 1 >= minimumRun {
                out.append(RowWarning(row: records[i].row, message:
                    "rows \(records[i].row)-\(records[j].row): each web address fits the partner of a neighbouring row better than its own; the URL column seems to have slid against the names (values kept as written)"))
            }
            i = j + 1
        }
        return out
    }
}

import Foundation
