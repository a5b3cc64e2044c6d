extension Array {
    /// Calls `body` with each index in `range` (every index by default) and a pointer to the element there, so
    /// that `body` reads just the fields it needs. A `for` loop, `map` or `allSatisfy` over an array copies each
    /// element out, retaining and releasing every reference it holds; so does handing the element itself to a
    /// closure, as the callee might write to the memory it lives in. For a million agreements or events, each
    /// pass of copies cost most of a second of one core. `body` must not keep the pointer.
    func forEachInPlace(in range: Range<Int>? = nil, _ body: (Int, UnsafePointer<Element>) -> Void) {
        withUnsafeBufferPointer { all in
            for i in range ?? all.indices { body(i, all.baseAddress! + i) }
        }
    }

    /// The first index in `range` (every index by default) whose element, read in place through the pointer,
    /// satisfies `predicate`.
    func firstIndexInPlace(in range: Range<Int>? = nil, where predicate: (UnsafePointer<Element>) -> Bool) -> Int? {
        withUnsafeBufferPointer { all in
            for i in range ?? all.indices where predicate(all.baseAddress! + i) { return i }
            return nil
        }
    }
}

extension Array {
    /// Appends every element of `other`, moved rather than copied, leaving `filler` in each place: a copy would
    /// retain every reference an element holds, and freeing `other` would release them again. `filler` should
    /// hold no references, so that freeing `other` then costs next to nothing.
    mutating func appendMoving(from other: inout [Element], leaving filler: Element) {
        other.withUnsafeMutableBufferPointer { source in
            for i in source.indices {
                append((source.baseAddress! + i).move())
                (source.baseAddress! + i).initialize(to: filler)
            }
        }
    }
}
