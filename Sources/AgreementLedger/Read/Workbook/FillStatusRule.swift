import Foundation

/// `--status-from-fill COLOR=STATUS`: lists that mark expired rows by colour instead of a status column (the
/// AITU list greys them) get their statuses from the fill.
public struct FillStatusRule: Hashable, Sendable, CustomStringConvertible {
    /// Which fills the rule matches.
    public enum Color: Hashable, Sendable {
        /// Any neutral grey (`FillColor.isGrey`): the many greys of Excel's palette all mean "grey" to a user.
        case grey
        /// Exactly this RGB.
        case exact(FillColor)
    }

    public var color: Color
    public var status: AgreementStatus

    /// A rule from its parts.
    public init(color: Color, status: AgreementStatus) {
        self.color = color
        self.status = status
    }

    /// Parses "grey=expired", "gray=closed" or "D9D9D9=expired" ("#" and an alpha byte allowed).
    public init?(parsing text: String) {
        guard let eq = text.lastIndex(of: "=") else { return nil }
        let colorText = text[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
        let statusText = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces).lowercased()
        guard let status = AgreementStatus(rawValue: statusText) else { return nil }
        if colorText == "grey" || colorText == "gray" {
            color = .grey
        } else if let c = FillColor(hex: colorText) {
            color = .exact(c)
        } else {
            return nil
        }
        self.status = status
    }

    /// True when `fill` is the colour this rule names.
    public func matches(_ fill: FillColor) -> Bool {
        switch color {
        case .grey: return fill.isGrey
        case .exact(let c): return c == fill
        }
    }

    /// "grey=expired" / "D9D9D9=expired".
    public var description: String {
        switch color {
        case .grey: return "grey=\(status.rawValue)"
        case .exact(let c): return "\(c)=\(status.rawValue)"
        }
    }
}
