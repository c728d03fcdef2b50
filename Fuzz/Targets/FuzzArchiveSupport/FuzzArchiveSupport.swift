import Foundation
import FuzzSupport
import ParleyCore
import ParleySources

/// A file name in a per-process scratch folder, so the archive readers are fuzzed through the same
/// path-based entry point the command-line tool uses (`LocalArchive`), whatever reader sits behind it.
public func scratchPath(_ name: String) -> String {
    let folder = (ProcessInfo.processInfo.environment["PARLEY_FUZZ_SCRATCH"] ?? NSTemporaryDirectory())
        + "/parley-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder + "/" + name
}

/// Reads `bytes` as a local archive named `name` (its extension picks the kind, as on the command line),
/// touching every document and error it yields.
public func readArchive(_ bytes: [UInt8], named name: String) {
    let path = scratchPath(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    do {
        let kind = try LocalArchive.kind(of: path)
        guard kind != .listing, kind != .page else { return }
        LocalArchive().read(path, kind: kind) { event in
            switch event {
            case .failure(let e): _ = e.description
            case .document(let d, _, _): checkDocument(d)
            default: break
            }
        }
    } catch {
        _ = error.description
    }
}
