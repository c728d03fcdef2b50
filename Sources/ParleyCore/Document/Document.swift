/// One release as Parley sees it: its identity, metadata and the main text every later stage reads.
///
/// All offsets produced by the pipeline are UTF-8 byte offsets into `text`; the output stage converts
/// them to character (Unicode scalar) offsets.
public struct Document: Sendable {
    /// Stable identifier: the JSONL `id`, or the file name without its extension.
    public var id: String
    /// Where the release was published, when known.
    public var url: String?
    /// Publisher's site name or host.
    public var site: String?
    /// The headline.
    public var title: String?
    /// Publication date as given by the source's metadata (feeds, archives), if any.
    public var publishedHint: PartialDate?
    /// Raw date strings found on the page (HTML meta tags, `<time>` elements), most reliable first.
    public var dateCandidates: [String]
    /// Weaker date strings a page offers when it offers no `dateCandidates` (modification times, dates
    /// anywhere on the page), read only when nothing else dates the document.
    public var lateDateCandidates: [String] = []
    /// The main text.
    public var text: String
    /// Where the document came from (a file path, `stdin`, or `archive.jsonl:3`).
    public var origin: String
    /// The line of a JSON Lines archive the document was read from, if it was.
    public var line: Int?

    public init(id: String, url: String? = nil, site: String? = nil, title: String? = nil,
                publishedHint: PartialDate? = nil, dateCandidates: [String] = [],
                text: String, origin: String) {
        self.id = id
        self.url = url
        self.site = site
        self.title = title
        self.publishedHint = publishedHint
        self.dateCandidates = dateCandidates
        self.text = text
        self.origin = origin
    }
}

/// A half-open range of UTF-8 byte offsets into a document's text.
public struct TextSpan: Sendable, Hashable, Comparable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    public var isEmpty: Bool { start >= end }
    public static func < (a: TextSpan, b: TextSpan) -> Bool { a.start < b.start || (a.start == b.start && a.end < b.end) }
    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }
}
