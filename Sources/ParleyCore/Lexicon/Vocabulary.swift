/// Integer ids for the token keys the lexicons know, so look-ups on the hot path index arrays and
/// compare integers instead of hashing and comparing strings. A key no lexicon uses has id `unknown`.
///
/// Look-ups hash the key's UTF-8 bytes (FNV-1a) into an open-addressing table: one cheap pass over a
/// few bytes per token, where a `Dictionary<String, _>` look-up runs SipHash.
public struct Vocabulary: Sendable {
    public static let unknown: Int32 = -1
    /// Every key's bytes, one after another; key `n` is `bytes[starts[n]..<starts[n + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt32] = []
    /// The word lists each key belongs to.
    private var classes: [WordClass] = []
    /// Open-addressing table (Fibonacci hashing, linear probing) of `hash << 32 | id`; `empty` marks a free slot.
    private var slots = [UInt64](repeating: Vocabulary.empty, count: 64)
    private var shift: UInt32 = 26
    private static let empty = UInt64.max

    public init() {}

    /// How many keys have an id (ids run from 0 to `count - 1`).
    public var count: Int { hashes.count }

    /// The id of `key`, giving it the next one when it has none yet.
    @discardableResult
    public mutating func intern(_ key: String) -> Int32 {
        let found = id(key)
        if found != Self.unknown { return found }
        let n = Int32(hashes.count)
        bytes.append(contentsOf: key.utf8)
        starts.append(Int32(bytes.count))
        hashes.append(Self.hash(key.utf8))
        classes.append([])
        if hashes.count * 2 > slots.count {
            slots = [UInt64](repeating: Self.empty, count: slots.count * 2)
            shift -= 1
            for i in 0..<hashes.count { place(Int32(i)) }
        } else {
            place(n)
        }
        return n
    }

    @inline(__always)
    private func slot(_ h: UInt32) -> Int { Int((h &* 0x9E37_79B1) >> shift) }

    private mutating func place(_ n: Int32) {
        let h = hashes[Int(n)]
        let mask = slots.count - 1
        var s = slot(h)
        while slots[s] != Self.empty { s = (s + 1) & mask }
        slots[s] = UInt64(h) << 32 | UInt64(UInt32(bitPattern: n))
    }

    /// The id of `key`, or `unknown`.
    public func id(_ key: String) -> Int32 {
        if let n = key.utf8.withContiguousStorageIfAvailable({ id(bytes: $0) }) { return n }
        return Array(key.utf8).withUnsafeBufferPointer { id(bytes: $0) }
    }

    /// The id of the key whose UTF-8 bytes are `b`, or `unknown`.
    public func id(bytes b: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(b)
        let mask = slots.count - 1
        var s = slot(h)
        return slots.withUnsafeBufferPointer { table in
            while true {
                let e = table[s]
                if e == Self.empty { return Self.unknown }
                if UInt32(truncatingIfNeeded: e >> 32) == h {
                    let n = Int(UInt32(truncatingIfNeeded: e))
                    if equal(n, b) { return Int32(n) }
                }
                s = (s + 1) & mask
            }
        }
    }

    @inline(__always)
    private func equal(_ n: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { st in
            let a = Int(st[n]), e = Int(st[n + 1])
            guard e - a == b.count else { return false }
            return bytes.withUnsafeBufferPointer { all in
                var k = 0
                while k < b.count { if all[a + k] != b[k] { return false }; k += 1 }
                return true
            }
        }
    }

    @inline(__always)
    static func hash<C: Collection>(_ b: C) -> UInt32 where C.Element == UInt8 {
        var h: UInt32 = 2_166_136_261
        for x in b { h = (h ^ UInt32(x)) &* 16_777_619 }
        return h
    }

    /// Marks `key` (given an id if it has none) as a member of `wordClass`.
    public mutating func add(_ key: String, to wordClass: WordClass) {
        let n = Int(intern(key))
        classes[n].formUnion(wordClass)
    }

    /// The word lists of the key with id `n`.
    public func classes(of n: Int32) -> WordClass { n >= 0 ? classes[Int(n)] : [] }

    /// Gives every token the id of its key and the word lists it belongs to.
    public func assignIDs(_ tokens: inout [Token]) {
        classes.withUnsafeBufferPointer { cl in
            tokens.withUnsafeMutableBufferPointer { ts in
                for i in ts.indices {
                    let n = id(ts[i].key)
                    ts[i].id = n
                    if n >= 0 { ts[i].classes = cl[Int(n)] }
                }
            }
        }
    }
}

/// The word lists a token key belongs to, looked up once per token (`Token.classes`) so recognisers test a bit
/// instead of hashing the key into each list.
public struct WordClass: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// A one-word organization head (`org-heads.tsv`: "party", "ministry").
    public static let orgHead = WordClass(rawValue: 1 << 0)
    /// The first word of a several-word organization head ("foreign" of "foreign ministry").
    public static let orgHeadFirst = WordClass(rawValue: 1 << 1)
    /// `non-name-words.txt`.
    public static let nonName = WordClass(rawValue: 1 << 2)
    /// A one-word calendar word (months, weekdays, their abbreviations).
    public static let calendar = WordClass(rawValue: 1 << 3)
    /// `gatherings.txt`.
    public static let gathering = WordClass(rawValue: 1 << 4)
    /// The first word of a title (`titles.tsv`).
    public static let titleFirst = WordClass(rawValue: 1 << 5)
    /// Verbs that title-case headlines capitalise (`NameShape.headlineVerbs`).
    public static let headlineVerb = WordClass(rawValue: 1 << 6)
    /// Name particles (`NameShape.particles`).
    public static let nameParticle = WordClass(rawValue: 1 << 7)
    /// Words that make a preceding name a place or thing (`NameShape.thingWords`).
    public static let thingWord = WordClass(rawValue: 1 << 8)
    /// Words that join the parts of an organization's name (`OrganizationRecognizer.connectors`).
    public static let orgConnector = WordClass(rawValue: 1 << 9)
    /// Words that cannot name an organization alone (`OrganizationRecognizer.genericWords`).
    public static let orgGeneric = WordClass(rawValue: 1 << 10)
    /// `speech-verbs.txt` and "according": words that can open reported speech.
    public static let speech = WordClass(rawValue: 1 << 11)
    /// Words before a name that mark its bearer as dead or absent (`EventExtractor.absenceWords`).
    public static let absence = WordClass(rawValue: 1 << 12)
    /// The first word of an event trigger (`event-triggers.tsv`).
    public static let triggerFirst = WordClass(rawValue: 1 << 13)
    /// `sentence-starters.txt`.
    public static let sentenceStarter = WordClass(rawValue: 1 << 14)
    /// Demonstratives and possessives (`OrganizationRecognizer.determiners`).
    public static let determiner = WordClass(rawValue: 1 << 15)
    /// Office holders in the plural (`OrganizationRecognizer.pluralHolders`).
    public static let pluralHolder = WordClass(rawValue: 1 << 16)
    /// Ordinal words (`OrganizationRecognizer.ordinalWords`).
    public static let ordinal = WordClass(rawValue: 1 << 17)
}
