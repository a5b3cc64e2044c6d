/// A record's cells in columns mapped to no field, header -> value: headers sorted (UTF-8 order, the order of
/// canonical JSON keys) and values in two small arrays. A million records hold these: a hash table each would
/// cost twice the memory and a hash of every header on every row, and the header array is shared by every
/// record with the same columns (`shareHeaders`).
public struct ExtraCells: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One unmapped cell.
    public struct Cell: Hashable, Sendable {
        public var header: String
        public var value: String

        public init(header: String, value: String) {
            self.header = header
            self.value = value
        }
    }

    /// Sorted, unique.
    private var headers: [String]
    /// `values[i]` is under `headers[i]`.
    private var values: [String]

    public init() {
        headers = []
        values = []
    }

    /// The cells in any order; a header given twice keeps its last value (as a dictionary would).
    public init(_ unordered: some Sequence<Cell>) {
        var list = Array(unordered)
        if !list.indices.dropFirst().allSatisfy({ ExtraCells.precedes(list[$0 - 1].header, list[$0].header) }) {
            // A stable sort, so that of equal headers the last given stays last, then keep that one.
            list = list.enumerated().sorted {
                $0.element.header == $1.element.header ? $0.offset < $1.offset : ExtraCells.precedes($0.element.header, $1.element.header)
            }.map(\.element)
            var unique: [Cell] = []
            unique.reserveCapacity(list.count)
            for cell in list {
                if unique.last?.header == cell.header { unique[unique.count - 1] = cell } else { unique.append(cell) }
            }
            list = unique
        }
        headers = list.map(\.header)
        values = list.map(\.value)
    }

    /// Cells whose headers are already sorted and unique (`ExtraColumns`): taken as they are.
    init(sortedUniqueHeaders headers: [String], values: [String]) {
        assert(headers.count == values.count && zip(headers, headers.dropFirst()).allSatisfy { ExtraCells.precedes($0, $1) })
        self.headers = headers
        self.values = values
    }

    public init(_ dictionary: [String: String]) {
        self.init(dictionary.map { Cell(header: $0.key, value: $0.value) })
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { Cell(header: $0.0, value: $0.1) })
    }

    /// The order of headers: by UTF-8 bytes, as canonical JSON orders keys.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    public var count: Int { headers.count }
    public var isEmpty: Bool { headers.isEmpty }

    public func makeIterator() -> Iterator { Iterator(cells: self) }

    /// The cells in header order.
    public struct Iterator: IteratorProtocol {
        let cells: ExtraCells
        var position = 0

        public mutating func next() -> Cell? {
            guard position < cells.headers.count else { return nil }
            defer { position += 1 }
            return Cell(header: cells.headers[position], value: cells.values[position])
        }
    }

    /// The value under `header`; setting nil removes it.
    public subscript(header: String) -> String? {
        get {
            let i = insertionIndex(header)
            return i < headers.count && headers[i] == header ? values[i] : nil
        }
        set {
            let i = insertionIndex(header)
            let present = i < headers.count && headers[i] == header
            switch (newValue, present) {
            case (let value?, true): values[i] = value
            case (let value?, false):
                headers.insert(header, at: i)
                values.insert(value, at: i)
            case (nil, true):
                headers.remove(at: i)
                values.remove(at: i)
            case (nil, false): break
            }
        }
    }

    /// The first index whose header does not precede `header` (binary search).
    private func insertionIndex(_ header: String) -> Int {
        var low = 0, high = headers.count
        while low < high {
            let mid = (low + high) / 2
            if ExtraCells.precedes(headers[mid], header) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Replaces every value with an equal string from `equal` (one that shares storage).
    mutating func replaceValues(_ equal: (String) -> String) {
        for i in values.indices { values[i] = equal(values[i]) }
    }

    /// Takes `shared` as its header array when the headers are the same, else makes its own headers the
    /// next to share: records of one list share one array instead of a copy each.
    mutating func shareHeaders(_ shared: inout [String]) {
        if headers == shared { headers = shared } else { shared = headers }
    }

    public var dictionary: [String: String] {
        Dictionary(zip(headers, values), uniquingKeysWith: { _, last in last })
    }

    public var description: String { dictionary.description }
}
