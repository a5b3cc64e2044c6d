import Foundation
import Testing
@testable import AgreementLedger

/// Writers in one process, each with its own `EventStore`, must serialize through the lock file.
@Suite struct ConcurrentWriterTests {
    /// Collects errors from the writer threads.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }

    @Test func flockConflictsAcrossDescriptorsOfOneProcess() throws {
        let path = StoreFixtures.temporaryStorePath()
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let a = open(path, O_RDWR), b = open(path, O_RDWR)
        defer { close(a); close(b) }
        #expect(flock(a, LOCK_EX) == 0)
        #expect(flock(b, LOCK_EX | LOCK_NB) != 0)
        #expect(errno == EWOULDBLOCK)
        #expect(flock(a, LOCK_UN) == 0)
        #expect(flock(b, LOCK_EX | LOCK_NB) == 0)
    }

    @Test func twoWritersBothLandIntact() throws {
        let path = StoreFixtures.temporaryStorePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try EventStore(directory: path, create: true)
        let failures = Failures()
        let group = DispatchGroup()
        for writer in ["A", "B"] {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do {
                    let store = try EventStore(directory: path, create: false)
                    for n in 0..<20 {
                        _ = try store.transaction { committed in
                            // Widen the race window between reading and appending.
                            usleep(200)
                            return StoreFixtures.batch("\(writer)-\(n)", events: 1 + n % 3)
                        }
                    }
                } catch {
                    failures.add("\(writer): \(error)")
                }
            }
            thread.start()
        }
        group.wait()
        #expect(failures.all.isEmpty)
        let store = try EventStore(directory: path, create: false)
        let events = try store.readCommitted()
        #expect(events.map(\.seq) == Array(1...events.count))
        #expect(events.filter { $0.type == .imported }.count == 40)
        // Each batch is contiguous: an import's events all precede its own `imported` line directly.
        var open: String?
        for event in events {
            if let current = open { #expect(event.importID == current) }
            open = event.type == .imported ? nil : event.importID
        }
        let report = store.verify()
        #expect(report.ok)
        #expect(report.importCount == 40)
    }
}
