/// One file inside a ZIP or tar bundle: its path in the bundle and its (uncompressed) bytes.
public struct BundleEntry: Sendable {
    public var path: String
    public var bytes: [UInt8]
}
