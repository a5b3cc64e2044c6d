extension Array {
    /// Calls `body` with each index in `range` (every index by default) and the element there, read in place.
    /// A `for` loop, `map` or `allSatisfy` over an array copies each element out, retaining and releasing every
    /// reference it holds: for a million agreements or events, most of a second of one core.
    func forEachInPlace(in range: Range<Int>? = nil, _ body: (Int, borrowing Element) -> Void) {
        withUnsafeBufferPointer { all in
            for i in range ?? all.indices { body(i, (all.baseAddress! + i).pointee) }
        }
    }

    /// The first index in `range` (every index by default) whose element, read in place, satisfies `predicate`.
    func firstIndexInPlace(in range: Range<Int>? = nil, where predicate: (borrowing Element) -> Bool) -> Int? {
        withUnsafeBufferPointer { all in
            for i in range ?? all.indices where predicate((all.baseAddress! + i).pointee) { return i }
            return nil
        }
    }
}
