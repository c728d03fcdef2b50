import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

/// What every backend's ingest writes the same way, apart from identity (which `ParleyCore`'s resolvers decide):
/// timestamps, the date a document's person mentions carry, and an event's participants with their roles.
enum IngestRecords {
    /// The current UTC time as ISO 8601 (`2026-11-25T12:00:00Z`), without a formatter per call.
    static func now() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// The date a document's person mentions carry (for titles over time): publication, dateline, else the
    /// date of the document's first directly stated event.
    static func mentionDate(_ a: DocumentAnnotation) -> String? {
        a.published ?? a.dateline?.date ?? a.events.first(where: { !$0.reported })?.date
    }

    /// An event's resolved participants with their roles, in the document's order.
    static func participants(_ e: DocumentAnnotation.Event, _ personOf: [String: Int64]) -> [(Int64, String)] {
        e.participantIds.enumerated().compactMap { n, local in
            guard let p = personOf[local] else { return nil }
            return (p, n < e.participantRoles.count ? e.participantRoles[n] : "participant")
        }
    }

}
