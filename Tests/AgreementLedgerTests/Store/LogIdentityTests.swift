import Foundation
import Testing
@testable import AgreementLedger

/// `cache/log-identity` lets `status` trust the state checkpoint without summing the log: only while the log is
/// the very file the last writer left. Any write to it, a touch or a record of another stamp sends readers back
/// to the checksum, which alone decides.
@Suite struct LogIdentityTests {
    /// A store holding the first two Bosnian samples, and the stamp its state checkpoint bears.
    func store() throws -> (store: EventStore, importer: Importer, dir: String, stamp: VerifiedCheckpoint) {
        let dir = TestFixtures.temporaryDirectory()
        let store = try EventStore(directory: dir, create: true)
        let importer = Importer(store: store, today: PartialDate("2026-11-23")!)
        for file in ["2024-01-15.tsv", "2024-07-01.tsv"] { _ = try StateCheckpointTests().importStep(importer, file) }
        let stamp = try #require(StateCheckpoint.read(directory: dir)?.stamp)
        return (store, importer, dir, stamp)
    }

    func vouches(_ stamp: VerifiedCheckpoint, _ dir: String) -> Bool {
        let fd = open(dir + "/events.jsonl", O_RDONLY)
        defer { close(fd) }
        return LogIdentity.vouches(for: stamp, directory: dir, fd: fd)
    }

    /// Whether `status` is served from the state checkpoint.
    func served(_ store: EventStore) throws -> Bool { try store.forEachCheckpointBatch(size: 100) { _, _ in } }

    /// Overwrites the log's byte at `offset` in place (the file keeps its inode and size).
    func overwrite(_ dir: String, at offset: Int, with byte: UInt8) {
        let fd = open(dir + "/events.jsonl", O_WRONLY)
        var b = byte
        #expect(pwrite(fd, &b, 1, off_t(offset)) == 1)
        close(fd)
    }

    @Test func theLastWritersRecordVouchesForTheLogUntilItIsWritten() throws {
        let (store, importer, dir, stamp) = try store()
        defer { TestFixtures.remove(dir) }
        let log = try TestFixtures.bytes(dir + "/events.jsonl")
        #expect(stamp.bytes == log.count)
        #expect(vouches(stamp, dir))
        #expect(try served(store))
        #expect(!vouches(VerifiedCheckpoint(lines: stamp.lines - 1, bytes: stamp.bytes, checksum: stamp.checksum, hash: stamp.hash), dir),
                "a record of another stamp")

        // A byte written over with itself: the same bytes, but a write. The checksum decides, and holds.
        let offset = log.count / 2
        overwrite(dir, at: offset, with: log[offset])
        #expect(!vouches(stamp, dir))
        #expect(try served(store))

        // A byte changed in place, the size kept: never vouched for, and the checksum fails.
        overwrite(dir, at: offset, with: log[offset] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a"))
        #expect(!vouches(stamp, dir))
        #expect(try !served(store))
        overwrite(dir, at: offset, with: log[offset])
        #expect(try served(store))

        // A touch alone moves the times.
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        try FileManager.default.removeItem(atPath: dir + "/" + LogIdentity.relativePath)
        _ = try StateCheckpointTests().importStep(importer, "2024-07-01.tsv")
        #expect(vouches(stamp, dir), "an import that appends nothing records the log as it leaves it")
        #expect(utimensat(AT_FDCWD, dir + "/events.jsonl", &times, 0) == 0)
        #expect(!vouches(stamp, dir))

        // The next writer records the log it leaves.
        _ = try StateCheckpointTests().importStep(importer, "2025-01-10.tsv")
        let next = try #require(StateCheckpoint.read(directory: dir)?.stamp)
        #expect(next.lines > stamp.lines)
        #expect(vouches(next, dir))
        #expect(!vouches(stamp, dir))
    }

    /// The record is what readers trust when it holds: one forged for a log changed in place (which no writer
    /// would write) is believed, so the checksum was not summed. Damaged records are not.
    @Test func readersTrustTheRecordInsteadOfTheChecksum() throws {
        let (store, _, dir, stamp) = try store()
        defer { TestFixtures.remove(dir) }
        let log = try TestFixtures.bytes(dir + "/events.jsonl")
        let offset = log.count / 2
        overwrite(dir, at: offset, with: log[offset] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a"))
        #expect(try !served(store))
        let fd = open(dir + "/events.jsonl", O_RDONLY)
        LogIdentity.write(directory: dir, stamp: stamp, fd: fd)
        close(fd)
        #expect(try served(store))

        let path = dir + "/" + LogIdentity.relativePath
        let record = try String(contentsOfFile: path, encoding: .utf8)
        for damaged in ["v2" + record.dropFirst(2), String(record.dropLast(10)), record.replacingOccurrences(of: " ", with: "  "), ""] {
            try damaged.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(!vouches(stamp, dir))
            #expect(try !served(store))
        }
    }
}
