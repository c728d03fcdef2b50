import Hummingbird
import Logging

/// Turns every error thrown below it into an answer: problem+json under `/api/`, an HTML error page
/// elsewhere. Errors that are the server's fault are logged; none reaches the client as a stack trace.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem.from(error)
            if problem.status.code >= 500 { context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"]) }
            if request.uri.path.hasPrefix("/api/") { return problem.jsonResponse() }
            return pages.errorPage(problem)
        }
    }
}
