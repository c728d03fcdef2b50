import Dispatch

/// Runs the store's synchronous calls on Dispatch's worker threads instead of the server's event loops, so a
/// slow query (an aggregate page being recomputed) never holds up requests that are answered from memory.
enum Blocking {
    static func run<T: Sendable>(_ body: @Sendable @escaping () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
