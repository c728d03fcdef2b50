import Foundation

/// A whole (small) input file's bytes, read through `FileHandle`. Foundation's whole-file readers
/// (`FileManager.contents(atPath:)`, `Data(contentsOf:)`) leak a 4 KB buffer on every empty file on Linux
/// (FoundationEssentials' zero-size path; found by the FuzzZip target), so Parley does not use them on inputs.
public enum FileBytes {
    /// The bytes of the file at `path` (none for an empty file); throws a `SourceError` naming it when it
    /// cannot be opened or read.
    public static func read(_ path: String) throws(SourceError) -> [UInt8] {
        var file = try FileChunks(path: path)
        var bytes: [UInt8] = []
        while let chunk = try file.nextChunk() { bytes += chunk }
        return bytes
    }

    /// True when `path` is a regular file of 0 bytes.
    public static func isEmptyFile(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return false }
        return (attributes[.size] as? NSNumber)?.intValue == 0
    }
}
