import Foundation

/// The media types read as pages (Resources/fetchable-content-types.txt); anything else is refused by name.
public enum FetchableContentTypes {
    /// The types listed in the resource file.
    public static let all: Set<String> = {
        guard let url = Bundle.module.url(forResource: "fetchable-content-types", withExtension: "txt", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "fetchable-content-types", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return ["text/html", "text/plain"] }
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }()
}
