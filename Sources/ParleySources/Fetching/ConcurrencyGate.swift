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
