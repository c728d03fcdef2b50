/// A cheap first test before a dictionary look-up on the hot path: it remembers which (first byte,
/// length) pairs occur among a set of keys, so most tokens are rejected without hashing a string.
public struct KeyPrefilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 256)

    public init<S: Sequence>(_ keys: S) where S.Element == String {
        for k in keys {
            guard let first = k.utf8.first else { continue }
            bits[Int(first)] |= 1 << UInt64(min(k.utf8.count, 63))
        }
    }

    /// False when `key` is certainly not among the keys.
    @inline(__always)
    public func mayContain(_ key: String) -> Bool {
        guard let first = key.utf8.first else { return false }
        return bits[Int(first)] & (1 << UInt64(min(key.utf8.count, 63))) != 0
    }
}
