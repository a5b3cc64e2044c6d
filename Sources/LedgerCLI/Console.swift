#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes: data to standard output, diagnostics to standard error.
/// Output is buffered and written with `write(2)`; tests use `Console.capturing()` and read the buffers.
public final class Console {
    private var outBuffer: [UInt8] = []
    private var errBuffer: [UInt8] = []
    private let outFD: Int32?
    private let errFD: Int32?
    /// True when diagnostics reach a person (progress is shown only then, or when asked).
    public let stderrIsTerminal: Bool

    private init(outFD: Int32?, errFD: Int32?, stderrIsTerminal: Bool) {
        self.outFD = outFD
        self.errFD = errFD
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// The process's stdout and stderr.
    public static func standard() -> Console {
        #if os(Linux)
        // A pipe's default 64 KB buffer makes a reader of big output (a million agreements) take turns with
        // us every 64 KB; a bigger one, where the system allows it, lets both run. Harmless when refused.
        var st = stat()
        if fstat(1, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO { _ = fcntl(1, 1031 /* F_SETPIPE_SZ */, 1 << 20) }
        #endif
        return Console(outFD: 1, errFD: 2, stderrIsTerminal: isatty(2) != 0)
    }

    /// A console that keeps everything in memory, for tests.
    public static func capturing() -> Console {
        Console(outFD: nil, errFD: nil, stderrIsTerminal: false)
    }

    /// Everything written to stdout so far (capturing consoles only).
    public var capturedOut: String { String(decoding: outBuffer, as: UTF8.self) }
    /// Everything written to stderr so far (capturing consoles only).
    public var capturedErr: String { String(decoding: errBuffer, as: UTF8.self) }

    /// Writes data.
    public func write(_ s: String) {
        outBuffer.append(contentsOf: s.utf8)
        if outBuffer.count > 1 << 16 { flushOut() }
    }

    /// Writes data already in UTF-8 (big output written in pieces); a piece larger than the buffer goes
    /// straight to the file descriptor.
    public func write(bytes: UnsafeRawBufferPointer) {
        if let fd = outFD, bytes.count > 1 << 16 {
            flushOut()
            Console.writeAll(fd, bytes)
            return
        }
        outBuffer.append(contentsOf: bytes)
        if outBuffer.count > 1 << 16 { flushOut() }
    }

    /// Writes a line of data.
    public func print(_ line: String) { write(line + "\n") }

    /// Writes a line of diagnostics, at once.
    public func error(_ line: String) {
        errBuffer.append(contentsOf: line.utf8)
        errBuffer.append(10)
        flushErr()
    }

    /// Writes diagnostics without a newline (progress lines that redraw with "\r").
    public func progress(_ text: String) {
        errBuffer.append(contentsOf: text.utf8)
        flushErr()
    }

    /// Sends buffered output to the file descriptors.
    public func flush() {
        flushOut()
        flushErr()
    }

    private func flushOut() {
        guard let fd = outFD else { return }
        outBuffer.withUnsafeBytes { Console.writeAll(fd, $0) }
        outBuffer.removeAll(keepingCapacity: true)
    }

    private func flushErr() {
        guard let fd = errFD else { return }
        errBuffer.withUnsafeBytes { Console.writeAll(fd, $0) }
        errBuffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}
