import ParleyCore

/// What ingest transactions have already computed or read: name and organization keys, person lookups and the
/// aliases known to be stored. The same names recur in every batch. Every write to people goes through an
/// `SQLiteIngestor`, which forgets what a write changes; the store forgets the people part when another process has
/// written, when a transaction fails, and on merges and splits, so nothing here is ever stale.
final class KeyMemo {
    /// A person's alias, by key.
    struct AliasOf: Hashable { var person: Int64; var aliasKey: String }

    private var names: [String: NameKeys] = [:]
    private var organizations: [String: String] = [:]
    /// Results of person lookups, by `lookupKey` (complete lists of at most `longestRememberedLookup` rows).
    var lookups: [String: [PersonCandidate]] = [:]
    static let longestRememberedLookup = 16
    /// Aliases stored already (or inserted in this transaction).
    var knownAliases: Set<AliasOf> = []

    static func lookupKey(_ match: PersonLookup.Match, _ key: String, _ initial: String?) -> String {
        "\(match)\u{1F}\(key)\u{1F}\(initial ?? "")"
    }

    /// Forgets the lookups a new alias with these keys would answer differently.
    func forgetLookups(of k: NameKeys) {
        lookups[Self.lookupKey(.alias, k.aliasKey, nil)] = nil
        lookups[Self.lookupKey(.skeleton, k.skeletonKey, k.initial)] = nil
        lookups[Self.lookupKey(.initialAndSurname, k.surnameKey, k.initial)] = nil
        lookups[Self.lookupKey(.initialFormOfFullName, k.surnameKey, k.initial)] = nil
        lookups[Self.lookupKey(.closeFullName, k.surnameKey, k.initial)] = nil
        lookups[Self.lookupKey(.withOrWithoutMuhammad, k.skeletonKey, k.initial)] = nil
        lookups[Self.lookupKey(.lastWordOfFullName, k.surnameKey, nil)] = nil
    }

    /// Forgets everything about people (a document's removal may delete some).
    func forgetPeople() {
        lookups = [:]
        knownAliases = []
    }

    /// Starts afresh when the memo has grown past `limit` entries, so memory stays flat however much is ingested.
    func trim(limit: Int = 300_000) {
        if lookups.count + knownAliases.count > limit { forgetPeople() }
        if names.count + organizations.count > limit { names = [:]; organizations = [:] }
    }

    func name(_ s: String) -> NameKeys {
        if let k = names[s] { return k }
        let k = NameKeys(s)
        names[s] = k
        return k
    }

    func organization(_ s: String) -> String {
        if let k = organizations[s] { return k }
        let k = OrganizationResolver.key(s)
        organizations[s] = k
        return k
    }
}
