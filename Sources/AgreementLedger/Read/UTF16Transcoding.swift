/// Turns Excel's "Unicode Text" (UTF-16) into UTF-8 in one pass, so the rest of the reader handles one encoding.
enum UTF16Transcoding {
    /// The UTF-8 bytes, or the failure with its offset counted from the start of the whole buffer.
    enum Outcome {
        case bytes([UInt8])
        case invalid(Int)
        case nul(Int)
    }

    /// Decodes `data[start...]` as UTF-16 in the given byte order.
    static func transcode(_ data: [UInt8], from start: Int, bigEndian: Bool) -> Outcome {
        let n = data.count
        var failure: Outcome?
        let out = data.withUnsafeBufferPointer { src -> [UInt8] in
            [UInt8](unsafeUninitializedCapacity: (n - start) / 2 * 3 + 4) { dst, count in
                var o = 0
                var i = start
                @inline(__always) func unit(_ at: Int) -> UInt32 {
                    bigEndian ? UInt32(src[at]) << 8 | UInt32(src[at + 1])
                              : UInt32(src[at + 1]) << 8 | UInt32(src[at])
                }
                while i + 1 < n {
                    var scalar = unit(i)
                    var width = 2
                    if scalar >= 0xD800 && scalar <= 0xDFFF {
                        guard scalar <= 0xDBFF, i + 3 < n else { failure = .invalid(i); break }
                        let trail = unit(i + 2)
                        guard trail >= 0xDC00 && trail <= 0xDFFF else { failure = .invalid(i); break }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (trail - 0xDC00)
                        width = 4
                    }
                    if scalar < 0x80 {
                        if scalar == 0 { failure = .nul(i); break }
                        dst[o] = UInt8(scalar); o += 1
                    } else if scalar < 0x800 {
                        dst[o] = UInt8(0xC0 | scalar >> 6)
                        dst[o + 1] = UInt8(0x80 | scalar & 0x3F)
                        o += 2
                    } else if scalar < 0x10000 {
                        dst[o] = UInt8(0xE0 | scalar >> 12)
                        dst[o + 1] = UInt8(0x80 | (scalar >> 6) & 0x3F)
                        dst[o + 2] = UInt8(0x80 | scalar & 0x3F)
                        o += 3
                    } else {
                        dst[o] = UInt8(0xF0 | scalar >> 18)
                        dst[o + 1] = UInt8(0x80 | (scalar >> 12) & 0x3F)
                        dst[o + 2] = UInt8(0x80 | (scalar >> 6) & 0x3F)
                        dst[o + 3] = UInt8(0x80 | scalar & 0x3F)
                        o += 4
                    }
                    i += width
                }
                if failure == nil && i < n { failure = .invalid(i) }  // a lone trailing byte
                count = failure == nil ? o : 0
            }
        }
        return failure ?? .bytes(out)
    }
}
