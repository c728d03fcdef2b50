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
