import Foundation

import AgreementLedger

/// `status --csv`: RFC 4180 CSV of the agreements.
enum StatusCSV {
    static let columns = ["agreement", "source", "state", "partner", "country", "countryCode", "city", "signed",
                          "validUntil", "indefinite", "term", "status", "kind", "reference", "url"]

    static func render(_ agreements: [AgreementState]) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for a in agreements {
            let r = a.record
            let cells = [a.id, a.source, a.state.rawValue, r.partner, r.country ?? "", r.countryCode ?? "", r.city ?? "",
                         r.signed?.description ?? "", r.validUntil?.description ?? "", r.indefinite ? "true" : "false",
                         r.term ?? "", r.status?.rawValue ?? "", r.kind ?? "", r.reference ?? "", r.url ?? ""]
            out += cells.map(CSVField.escape).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

/// One CSV field per RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
enum CSVField {
    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
