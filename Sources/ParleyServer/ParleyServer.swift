import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ParleyCore
import ParleyStore

/// Parley's HTTP server: the JSON API under `/api/v1`, the HTML pages and their static files, over one
/// event store. `router(...)` gives the routes for in-process tests; `application(...)` a runnable server
/// whose service lifecycle stops it gracefully on SIGINT and SIGTERM.
public enum ParleyServer {
    /// The routes and middleware over `store`.
    public static func router(store: any BrowsableStore, configuration: ServerConfiguration,
                              extractor: Extractor = Extractor()) throws -> Router<BasicRequestContext> {
        let resources = try ServerResources.load()
        let pages = try PageRenderer(templates: resources.templates)
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ErrorMiddleware(pages: pages))
        let cache = ResponseCache(ttl: configuration.cacheSeconds)
        router.add(middleware: ResponseCacheMiddleware(cache: cache))
        if let origin = configuration.corsOrigin {
            router.add(middleware: CORSMiddleware(allowOrigin: .custom(origin), allowHeaders: [.contentType, .authorization],
                                                  allowMethods: [.get, .post, .options]))
        }
        router.add(middleware: APIContractMiddleware(contract: try APIContract(document: resources.openAPI)))
        APIController(store: store, configuration: configuration, resources: resources).register(on: router)
        DocumentUploadController(store: store, configuration: configuration, extractor: extractor, cache: cache).register(on: router)
        EventCorrectionController(store: store, configuration: configuration, cache: cache).register(on: router)
        StaticFiles(files: resources.staticFiles).register(on: router)
        let sessions = ReviewSessions()
        ReviewController(store: store, configuration: configuration, pages: pages, sessions: sessions, cache: cache).register(on: router)
        WebController(store: store, configuration: configuration, pages: pages, sessions: sessions).register(on: router)
        return router
    }

    /// A server listening on `configuration.host`/`port`, logging each request through `logger`. Request heads
    /// over the configured limits are refused (414, 431) and idle connections closed (`LimitedHTTP1Channel`).
    public static func application(store: any BrowsableStore, configuration: ServerConfiguration, logger: Logger,
                                   onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let limits = RequestHeadLimits(maxRequestLineBytes: configuration.maxRequestLineBytes, maxHeaderBytes: configuration.maxHeaderBytes,
                                       idleTimeout: .nanoseconds(Int64(configuration.idleTimeoutSeconds * 1_000_000_000)))
        return Application(router: try router(store: store, configuration: configuration),
                    server: HTTPServerBuilder { responder in LimitedHTTP1Channel(responder: responder, limits: limits) },
                    configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "parley"),
                    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
                    logger: logger)
    }
}
