/// Parley's extraction pipeline: document in, annotation out. Stateless and thread-safe; one
/// extractor serves any number of documents and threads.
public struct Extractor: Sendable {
    public let lexicons: Lexicons
    public let stages: [any PipelineStage]
    let builder: AnnotationBuilder

    /// The standard pipeline over the given data.
    public init(lexicons: Lexicons = .bundled) {
        self.lexicons = lexicons
        self.stages = [
            TokenizationStage(lexicons: lexicons),
            GazetteerStage(),
            DocumentLayoutStage(lexicons: lexicons),
            OrganizationRecognizer(),
            AnniversaryYearInference(),
            DatelineReader(lexicons: lexicons),
            DateResolutionStage(lexicons: lexicons),
            PersonRecognizer(lexicons: lexicons),
            PersonReferenceResolver(),
            DelegationLeaderResolver(),
            PersonCountryInference(),
            EventExtractor(lexicons: lexicons),
        ]
        self.builder = AnnotationBuilder(lexicons: lexicons)
    }

    /// Runs every stage and returns the context (for inspection and tests).
    public func analyze(_ document: Document) -> ExtractionContext {
        var context = ExtractionContext(document: document, lexicons: lexicons)
        for stage in stages { stage.run(&context) }
        return context
    }

    /// Extracts people, organizations and events from one document.
    public func extract(_ document: Document) -> DocumentAnnotation {
        builder.build(analyze(document))
    }
}
