import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1 (a free port) for the fetching tests; nothing leaves the machine.
/// Each request is answered by `respond`, which sees the path and headers; every request is logged.
final class TestHTTPServer: @unchecked Sendable {
    struct Request { var path: String; var headers: HTTPHeaders }
    struct Reply {
        var status: HTTPResponseStatus = .ok
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        var delay: Double = 0

        static func html(_ text: String, charset: String? = "utf-8") -> Reply {
            Reply(headers: [("Content-Type", "text/html" + (charset.map { "; charset=\($0)" } ?? ""))], body: Array(text.utf8))
        }
    }

    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    var channel: Channel!
    let lock = NSLock()
    var requests: [Request] = []
    let respond: @Sendable (Request) -> Reply

    var port: Int { channel.localAddress!.port! }
    var base: String { "http://127.0.0.1:\(port)" }

    init(respond: @escaping @Sendable (Request) -> Reply) async throws {
        self.respond = respond
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [unowned self] ch in
                ch.pipeline.configureHTTPServerPipeline().flatMap { ch.pipeline.addHandler(Handler(server: self)) }
            }
        channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
    }

    func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }

    /// Paths requested so far, in order.
    var paths: [String] { lock.lock(); defer { lock.unlock() }; return requests.map(\.path) }

    func handle(_ r: Request) -> Reply {
        lock.lock()
        requests.append(r)
        lock.unlock()
        return respond(r)
    }

    final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        unowned let server: TestHTTPServer
        var head: HTTPRequestHead?

        init(server: TestHTTPServer) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let h): head = h
            case .body: break
            case .end:
                guard let head else { return }
                let reply = server.handle(Request(path: head.uri, headers: head.headers))
                var headers = HTTPHeaders(reply.headers)
                headers.replaceOrAdd(name: "Content-Length", value: "\(reply.body.count)")
                let write = {
                    context.write(self.wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: reply.status, headers: headers))), promise: nil)
                    context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: reply.body)))), promise: nil)
                    context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
                }
                if reply.delay > 0 {
                    context.eventLoop.scheduleTask(in: .milliseconds(Int64(reply.delay * 1000))) { write() }
                } else {
                    write()
                }
            }
        }
    }
}
