/// A record's cells in columns mapped to no field, header -> value, as one small array sorted by header
/// (UTF-8 order, the order of canonical JSON keys). A million records hold these: a hash table each would
/// cost twice the memory and a hash of every header on every row.
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

    /// Sorted by `header`, headers unique.
    private var cells: [Cell]

    public init() { cells = [] }

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
        cells = list
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

    public var count: Int { cells.count }
    public var isEmpty: Bool { cells.isEmpty }

    public func makeIterator() -> IndexingIterator<[Cell]> { cells.makeIterator() }

    /// The value under `header`; setting nil removes it.
    public subscript(header: String) -> String? {
        get {
            let i = insertionIndex(header)
            return i < cells.count && cells[i].header == header ? cells[i].value : nil
        }
        set {
            let i = insertionIndex(header)
            let present = i < cells.count && cells[i].header == header
            switch (newValue, present) {
            case (let value?, true): cells[i].value = value
            case (let value?, false): cells.insert(Cell(header: header, value: value), at: i)
            case (nil, true): cells.remove(at: i)
            case (nil, false): break
            }
        }
    }

    /// The first index whose header does not precede `header` (binary search).
    private func insertionIndex(_ header: String) -> Int {
        var low = 0, high = cells.count
        while low < high {
            let mid = (low + high) / 2
            if ExtraCells.precedes(cells[mid].header, header) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    public var dictionary: [String: String] {
        Dictionary(cells.map { ($0.header, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    public var description: String { dictionary.description }
}
