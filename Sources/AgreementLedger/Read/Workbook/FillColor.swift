/// A cell's background colour as RGB, since offices mark rows by colour (grey for expired agreements) and a
/// user may map a colour to a status.
public struct FillColor: Hashable, Sendable, CustomStringConvertible {
    /// 0xRRGGBB.
    public var rgb: UInt32

    /// A colour from its 0xRRGGBB value.
    public init(rgb: UInt32) {
        self.rgb = rgb & 0xFF_FFFF
    }

    /// Parses "D9D9D9", "#D9D9D9" or an ARGB "FFD9D9D9" (the alpha ignored, as Excel does for fills).
    public init?(hex: String) {
        var h = Substring(hex)
        if h.hasPrefix("#") { h = h.dropFirst() }
        guard h.count == 6 || h.count == 8, let v = UInt32(h, radix: 16) else { return nil }
        self.init(rgb: v)
    }

    var red: Int { Int(rgb >> 16 & 0xFF) }
    var green: Int { Int(rgb >> 8 & 0xFF) }
    var blue: Int { Int(rgb & 0xFF) }

    /// True for neutral greys between near-black and near-white (Excel's "White, darker 5%" F2F2F2 through
    /// "Black, lighter 25%" 404040), the colours offices mean when they say "grey".
    public var isGrey: Bool {
        let hi = max(red, green, blue), lo = min(red, green, blue)
        return hi - lo <= 16 && lo >= 0x30 && hi <= 0xF4
    }

    /// "D9D9D9".
    public var description: String {
        let s = String(rgb, radix: 16, uppercase: true)
        return String(repeating: "0", count: 6 - s.count) + s
    }

    /// Applies a SpreadsheetML tint (-1...1): darkens towards black or lightens towards white in HSL
    /// lightness, as ECMA-376 §18.8.19 describes for theme colours.
    func tinted(_ tint: Double) -> FillColor {
        guard tint != 0 else { return self }
        let r = Double(red) / 255, g = Double(green) / 255, b = Double(blue) / 255
        let hi = max(r, g, b), lo = min(r, g, b)
        var l = (hi + lo) / 2
        var h = 0.0, s = 0.0
        if hi != lo {
            let d = hi - lo
            s = l > 0.5 ? d / (2 - hi - lo) : d / (hi + lo)
            if hi == r { h = (g - b) / d + (g < b ? 6 : 0) } else if hi == g { h = (b - r) / d + 2 } else { h = (r - g) / d + 4 }
            h /= 6
        }
        l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint
        func channel(_ t0: Double, _ p: Double, _ q: Double) -> Double {
            var t = t0
            if t < 0 { t += 1 }
            if t > 1 { t -= 1 }
            if t < 1.0 / 6 { return p + (q - p) * 6 * t }
            if t < 0.5 { return q }
            if t < 2.0 / 3 { return p + (q - p) * (2.0 / 3 - t) * 6 }
            return p
        }
        var rr = l, gg = l, bb = l
        if s != 0 {
            let q = l < 0.5 ? l * (1 + s) : l + s - l * s
            let p = 2 * l - q
            rr = channel(h + 1.0 / 3, p, q)
            gg = channel(h, p, q)
            bb = channel(h - 1.0 / 3, p, q)
        }
        func byte(_ v: Double) -> UInt32 { UInt32(max(0, min(255, (v * 255).rounded()))) }
        return FillColor(rgb: byte(rr) << 16 | byte(gg) << 8 | byte(bb))
    }
}
