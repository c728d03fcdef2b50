/// Decides which stored organization a document's organization is, the same for every backend: the first of its
/// forms (name, then aliases) whose key a stored organization has; else a new one.
public struct OrganizationResolver: IdentityResolver {
    /// What the store gives: the organization stored under a key, if any.
    public struct Evidence {
        public var organizationWithKey: (String) throws -> Int64?
        public init(organizationWithKey: @escaping (String) throws -> Int64?) { self.organizationWithKey = organizationWithKey }
    }

    public init() {}

    public func resolve(_ o: DocumentAnnotation.Organization, _ evidence: Evidence) throws -> IdentityDecision<Int64> {
        try resolve(o, evidence, key: Self.key)
    }

    /// `resolve` with the keys from a memo (`key` must agree with `OrganizationResolver.key`).
    public func resolve(_ o: DocumentAnnotation.Organization, _ evidence: Evidence, key: (String) -> String) throws -> IdentityDecision<Int64> {
        for form in [o.name] + o.aliases {
            if let id = try evidence.organizationWithKey(key(form)) { return .same(id, reason: "same name as '\(form)'") }
        }
        return .new(reason: "new organization")
    }

    /// An organization's name as a key: folded, letters, digits and spaces only, without "the".
    public static func key(_ s: String) -> String {
        var out = ""
        for ch in TextNormalizer.fold(s) where ch.isLetter || ch.isNumber || ch == " " { out.append(ch) }
        return out.split(separator: " ").filter { $0 != "the" }.joined(separator: " ")
    }
}
