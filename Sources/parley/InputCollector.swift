import Foundation
import ParleyCore
import ParleySources

/// One input to read: a file (with the format its extension says) or standard input.
struct InputItem: Sendable {
    var path: String?
    var format: InputFormat?
    /// A WARC, ZIP or tar(.gz) archive, read record by record through ParleySources.
    var archive = false
    var origin: String { path ?? "stdin" }
}

/// Expands the command line's inputs into files, walking directories recursively in name order.
enum InputCollector {
    static func collect(_ inputs: [String]) -> (items: [InputItem], errors: [ReadingError]) {
        var items: [InputItem] = []
        var errors: [ReadingError] = []
        if inputs.isEmpty { return ([InputItem(path: nil, format: nil)], []) }
        let fm = FileManager.default
        for input in inputs {
            if input == "-" { items.append(InputItem(path: nil, format: nil)); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else {
                errors.append(ReadingError(origin: input, message: "no such file or directory")); continue
            }
            if isDir.boolValue {
                guard let walker = fm.enumerator(atPath: input) else {
                    errors.append(ReadingError(origin: input, message: "cannot list this directory")); continue
                }
                var found: [String] = []
                while let rel = walker.nextObject() as? String {
                    let name = rel.split(separator: "/").last.map(String.init) ?? rel
                    if name.hasPrefix(".") { continue }
                    if InputFormat(fileName: name) != nil || LocalArchive.isArchive(name) { found.append(rel) }
                }
                for rel in found.sorted() {
                    let path = input.hasSuffix("/") ? input + rel : input + "/" + rel
                    items.append(InputItem(path: path, format: InputFormat(fileName: rel), archive: LocalArchive.isArchive(rel)))
                }
            } else {
                items.append(InputItem(path: input, format: InputFormat(fileName: input), archive: LocalArchive.isArchive(input)))
            }
        }
        return (items, errors)
    }

    /// Reads a file's bytes (up to `limit` and one more, so an oversized file is reported); files with no known
    /// extension are sniffed. Archives and standard input are streamed by DocumentPipeline instead.
    static func bytes(of item: InputItem, limit: Int) -> Result<[UInt8], ReadingError> {
        guard !item.archive, let path = item.path else { return .success([]) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(ReadingError(origin: path, message: "cannot open the file (permission denied?)"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return .success([UInt8](data))
        } catch {
            return .failure(ReadingError(origin: path, message: "cannot read the file: \(error.localizedDescription)"))
        }
    }
}
