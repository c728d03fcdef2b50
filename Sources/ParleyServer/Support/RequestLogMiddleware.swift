import Hummingbird
import Logging

/// Logs one structured line per request once it is answered: method, path, status and duration in
/// milliseconds as metadata (at `info`; server errors at `error`).
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func log(_ status: HTTPResponse.Status) {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let metadata: Logger.Metadata = [
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(status.code)",
                "ms": "\((ms * 100).rounded() / 100)",
            ]
            context.logger.log(level: status.code >= 500 ? .error : .info, "request", metadata: metadata)
        }
        do {
            let response = try await next(request, context)
            log(response.status)
            return response
        } catch {
            log(Problem.from(error).status)
            throw error
        }
    }
}
