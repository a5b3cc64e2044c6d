import Dispatch
import Foundation
import Synchronization
import Testing
@testable import AgreementLedger

/// A value handed to `BackgroundRelease` is freed, and not on the thread that handed it over.
@Suite struct BackgroundReleaseTests {
    /// For each probe freed, whether that happened on the thread that made it.
    private final class Notes: Sendable {
        let freedOnMaker = Mutex<[Bool]>([])
        let freed = DispatchSemaphore(value: 0)
    }

    private final class Probe: Sendable {
        let maker = pthread_self()
        let notes: Notes
        init(_ notes: Notes) { self.notes = notes }
        deinit {
            let here = pthread_equal(maker, pthread_self()) != 0
            notes.freedOnMaker.withLock { $0.append(here) }
            notes.freed.signal()
        }
    }

    @Test func everyElementIsFreedOnAnotherThread() {
        let notes = Notes()
        let probes = (0..<1_000).map { _ in Probe(notes) }
        BackgroundRelease.release(consume probes)
        for _ in 0..<1_000 { #expect(notes.freed.wait(timeout: .now() + 10) == .success) }
        #expect(notes.freedOnMaker.withLock { $0 } == Array(repeating: false, count: 1_000))
    }
}
