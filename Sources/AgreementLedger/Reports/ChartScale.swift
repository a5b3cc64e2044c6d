/// The arithmetic of the report's charts, kept pure so tests can pin it: where a value lands on an
/// axis, which ticks an axis shows and how numbers are written into SVG.
public struct LinearScale: Hashable, Sendable {
    /// The values the axis covers.
    public var domain: ClosedRange<Double>
    /// Where `domain.lowerBound` and `domain.upperBound` land; `start` may exceed `end` (SVG's y grows down).
    public var start: Double
    public var end: Double

    public init(domain: ClosedRange<Double>, start: Double, end: Double) {
        self.domain = domain
        self.start = start
        self.end = end
    }

    /// The position of `value`; the middle of the range when the domain is a single point.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return (start + end) / 2 }
        return start + (value - domain.lowerBound) / span * (end - start)
    }

    /// A count axis drawn upwards: 0 at `bottom`, `max` (at least 1) at `top`.
    public static func vertical(max: Double, top: Double, bottom: Double) -> LinearScale {
        LinearScale(domain: 0...Swift.max(max, 1), start: bottom, end: top)
    }
}

/// Axis ticks people can read: round steps (1, 2, 5 times a power of ten) and calendar dates.
public enum AxisTicks {
    /// Ticks from 0 in a round step, the last one at or above `maxValue`, at most `count + 1` of them.
    /// `maxValue` 0 gives [0, 1] so an empty chart still has an axis.
    public static func values(maxValue: Int, count: Int = 5) -> [Int] {
        guard maxValue > 0 else { return [0, 1] }
        let step = niceStep(maxValue: maxValue, count: max(count, 1))
        let top = (maxValue + step - 1) / step * step
        return Array(stride(from: 0, through: top, by: step))
    }

    /// The smallest step of the form 1, 2 or 5 × 10^k that covers `maxValue` in at most `count` steps.
    public static func niceStep(maxValue: Int, count: Int) -> Int {
        var power = 1
        while true {
            for m in [1, 2, 5] where (maxValue + m * power - 1) / (m * power) <= count { return m * power }
            power *= 10
        }
    }

    /// Date ticks on the first day of months between `from` and `to` (full dates), every 1, 2, 3, 6, 12,
    /// 24 or 60 months, the smallest stride giving at most `maxCount` ticks; labelled "YYYY" for yearly
    /// strides and "YYYY-MM" otherwise.
    public static func dates(from: PartialDate, to: PartialDate, maxCount: Int = 8) -> [(day: PartialDate, label: String)] {
        let first = from.year * 12 + (from.month ?? 1) - 1 + ((from.day ?? 1) > 1 ? 1 : 0)
        let last = to.year * 12 + (to.month ?? 1) - 1
        guard first <= last else { return [] }
        for stride in [1, 2, 3, 6, 12, 24, 60, 120] {
            let months = Swift.stride(from: first, through: last, by: 1).filter { $0 % stride == 0 }
            guard months.count <= maxCount else { continue }
            return months.map { index in
                let day = PartialDate(year: index / 12, month: index % 12 + 1, day: 1)!
                let label = stride >= 12 ? String(day.description.prefix(4)) : String(day.description.prefix(7))
                return (day, label)
            }
        }
        return []
    }
}

/// Numbers as written into SVG: one decimal at most, no locale, no exponent, so the output is byte-stable.
public enum SVGNumber {
    /// `value` rounded to tenths, without a trailing ".0": "12", "12.3", "-3.3".
    public static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return sign + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
    }
}
