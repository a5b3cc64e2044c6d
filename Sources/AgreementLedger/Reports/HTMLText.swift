/// The one way text reaches HTML in a report: every character that could open markup or end an
/// attribute is escaped, so a partner named `<script>…` is shown, never run.
public enum HTMLText {
    /// `s` with `&`, `<`, `>`, `"` and `'` replaced by character references; safe in text and in quoted attributes.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A fragment identifier made only of `[a-z0-9-]`, so ids from the log can never break out of an attribute.
    public static func anchor(_ prefix: String, _ id: String) -> String {
        let safe = id.unicodeScalars.map { c -> String in
            (("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-")
                ? String(c) : "_\(c.value)_"
        }.joined()
        return prefix + "-" + safe
    }
}
