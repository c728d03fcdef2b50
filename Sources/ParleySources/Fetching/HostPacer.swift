import Foundation

/// Spaces requests to each host at least `interval` seconds apart, handing out start times in order.
actor HostPacer {
    var nextSlot: [String: Date] = [:]

    /// Waits until this host's next free slot, reserving it.
    func wait(host: String, interval: Double) async {
        let now = Date()
        let slot = max(now, nextSlot[host] ?? now)
        nextSlot[host] = slot.addingTimeInterval(interval)
        let delay = slot.timeIntervalSince(now)
        if delay > 0 { try? await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
    }
}

/// A counting semaphore for async code: at most `limit` holders at once, waiters served in order.
actor ConcurrencyGate {
    let limit: Int
    var held = 0
    var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func acquire() async {
        if held < limit { held += 1; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { held -= 1 } else { waiters.removeFirst().resume() }
    }
}
