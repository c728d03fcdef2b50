/// Tokenizes the document and splits it into sentences and paragraphs.
public struct TokenizationStage: PipelineStage {
    public let name = "tokenize"
    let splitter: SentenceSplitter
    let vocabulary: Vocabulary
    public init(lexicons: Lexicons) {
        splitter = SentenceSplitter(lexicons: lexicons)
        vocabulary = lexicons.vocabulary
    }

    public func run(_ context: inout ExtractionContext) {
        context.tokens = Tokenizer().tokenize(context.document.text)
        vocabulary.assignIDs(&context.tokens)
        context.sentences = splitter.split(context.tokens)
        var owner = [Int](repeating: 0, count: context.tokens.count)
        for s in context.sentences { for k in s.tokenRange { owner[k] = s.index } }
        context.sentenceOfToken = owner
        context.claimed = [Bool](repeating: false, count: context.tokens.count)
    }
}
