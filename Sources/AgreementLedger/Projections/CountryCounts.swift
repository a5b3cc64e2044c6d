/// Agreements counted by country, the way the report's country chart shows them: grouped by ISO code
/// when the country was recognized (lists name it in their own language), else by the name as written.
public struct CountryCount: Hashable, Sendable {
    /// The ISO code, the written name, or "" for agreements without a country.
    public var key: String
    /// What the chart shows: "DE Germany", the written name, "(no country)" or "other".
    public var label: String
    public var count: Int
}

/// The grouping behind the report's "active agreements by country" chart.
public enum CountryCounts {
    /// The `top` largest groups, biggest first (ties by label), then one "other" group for the rest when any.
    public static func top(_ agreements: [AgreementState], top: Int = 15) -> [CountryCount] {
        var counts: [String: Int] = [:]
        var names: [String: [String: Int]] = [:]
        for a in agreements {
            let key = a.record.countryCode ?? a.record.country ?? ""
            counts[key, default: 0] += 1
            if let name = a.record.country { names[key, default: [:]][name, default: 0] += 1 }
        }
        let groups = counts.map { key, count -> CountryCount in
            // The name most agreements use, ties broken alphabetically, so the label is stable.
            let name = names[key]?.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
            let label: String
            if key.isEmpty { label = "(no country)" }
            else if let name, name != key { label = "\(key) \(name)" }
            else { label = key }
            return CountryCount(key: key, label: label, count: count)
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
        guard groups.count > top else { return groups }
        let rest = groups[top...].reduce(0) { $0 + $1.count }
        return Array(groups[..<top]) + [CountryCount(key: "other", label: "other", count: rest)]
    }
}
