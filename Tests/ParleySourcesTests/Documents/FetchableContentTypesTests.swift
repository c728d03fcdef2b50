import Testing
@testable import ParleySources

@Suite struct FetchableContentTypesTests {
    @Test func everyListedTypeIsAMediaType() {
        #expect(FetchableContentTypes.all.contains("text/html"))
        #expect(!FetchableContentTypes.all.contains("application/pdf"))
        for t in FetchableContentTypes.all {
            #expect(t.split(separator: "/").count == 2 && t == t.lowercased() && !t.contains(";"), "\(t)")
        }
    }

    @Test func documentIDComesFromHostAndPath() {
        #expect(PageDocumentBuilder.documentID(forURL: "https://mfa.test/news/2025/visit/#top") == "mfa.test_news_2025_visit")
        #expect(PageDocumentBuilder.documentID(forURL: "http://mfa.test/news?id=7") == "mfa.test_news?id=7")
    }
}
