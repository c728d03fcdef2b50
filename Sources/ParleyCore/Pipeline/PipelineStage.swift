/// One step of the extraction pipeline: reads what earlier stages put in the context and adds to it.
public protocol PipelineStage: Sendable {
    /// A short name for progress and debugging output.
    var name: String { get }
    func run(_ context: inout ExtractionContext)
}
