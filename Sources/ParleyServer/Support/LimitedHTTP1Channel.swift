import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1.1 channel with Parley's limits on request heads: an over-long request line is
/// answered `414 URI Too Long` and over-long headers `431 Request Header Fields Too Large` (NIO's decoder
/// stops reading either at the limit, so a 10 MB query string never sits in memory), and a connection
/// that sends no complete request part for `idleTimeout` — an idle keep-alive connection, or a client
/// dribbling its headers a byte at a time — is closed.
struct LimitedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let http1: HTTP1Channel
    let limits: RequestHeadLimits

    init(responder: @escaping HTTPChannelHandler.Responder, limits: RequestHeadLimits) {
        self.limits = limits
        http1 = HTTP1Channel(responder: responder, configuration: .init(
            idleTimeout: limits.idleTimeout,
            httpDecoderConfiguration: .init(maxHeaderFieldSize: limits.maxRequestLineBytes, maxHeaderListSize: limits.maxHeaderBytes)))
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let tap = RequestHeadTap(maxRequestLineBytes: limits.maxRequestLineBytes)
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(tap, position: .first)
            let connectionState = try pipeline.handler(type: HTTPConnectionStateHandler.self)
            try pipeline.addHandler(HeadOverflowResponder(tap: tap), position: .before(connectionState))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

/// The limits `LimitedHTTP1Channel` applies.
struct RequestHeadLimits: Sendable {
    /// The longest request target (path and query) accepted; also the longest single header field.
    var maxRequestLineBytes: Int
    /// The most bytes of request target and headers together.
    var maxHeaderBytes: Int
    /// How long a connection may go without sending a complete request part.
    var idleTimeout: TimeAmount
}

/// Watches the raw bytes of a connection, before the HTTP decoder, to tell an over-long request line from
/// over-long headers when the decoder gives up, and writes the refusal itself (the decoder's state is
/// broken by then). A request head is taken to start at the connection's start and after each blank line.
final class RequestHeadTap: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let maxRequestLineBytes: Int
    /// Bytes of the current head's first line seen so far.
    private(set) var requestLineBytes = 0
    private var inRequestLine = true
    /// The last bytes seen, to find `\r\n\r\n` (or `\n\n`) across reads.
    private var recent: UInt32 = 0
    private var refused = false
    private var context: ChannelHandlerContext?

    init(maxRequestLineBytes: Int) { self.maxRequestLineBytes = maxRequestLineBytes }

    /// Whether the current head's request line is what went over the limit.
    var requestLineTooLong: Bool { requestLineBytes > maxRequestLineBytes }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if refused { return }  // what a refused client still sends is dropped
        unwrapInboundIn(data).withUnsafeReadableBytes { bytes in
            for b in bytes {
                recent = recent << 8 | UInt32(b)
                if b == 0x0A {
                    if recent == 0x0D0A_0D0A || recent & 0xFFFF == 0x0A0A {
                        inRequestLine = true
                        requestLineBytes = 0
                    } else {
                        inRequestLine = false
                    }
                } else if inRequestLine, b != 0x0D {
                    requestLineBytes += 1
                }
            }
        }
        context.fireChannelRead(data)
    }

    /// Answers `status` with a problem document, stops sending, and closes the connection once the client has
    /// had a moment to read the answer (closing at once could reset the connection before it does).
    func refuse(_ status: HTTPResponseStatus, detail: String) {
        guard !refused, let context else { return }
        refused = true
        let body = #"{"type":"about:blank","title":"\#(status.reasonPhrase)","status":\#(status.code),"detail":"\#(detail)"}"#
        var buffer = context.channel.allocator.buffer(capacity: 256)
        buffer.writeString("HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\ncontent-type: application/problem+json\r\n"
            + "content-length: \(body.utf8.count)\r\nconnection: close\r\n\r\n\(body)")
        context.writeAndFlush(wrapOutboundOut(buffer)).assumeIsolated().whenComplete { _ in
            context.close(mode: .output, promise: nil)
            context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(2)) { context.close(promise: nil) }
        }
    }
}

/// Sits after the HTTP decoder and turns its "head too large" error into the tap's 414 or 431, instead of
/// letting it reach Hummingbird (which would answer a bare 400).
final class HeadOverflowResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    let tap: RequestHeadTap

    init(tap: RequestHeadTap) { self.tap = tap }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard case HTTPParserError.headerOverflow = error else {
            context.fireErrorCaught(error)
            return
        }
        if tap.requestLineTooLong {
            tap.refuse(.uriTooLong, detail: "the request line is longer than \(tap.maxRequestLineBytes) bytes; shorten the query")
        } else {
            tap.refuse(.requestHeaderFieldsTooLarge, detail: "the request headers are too large")
        }
    }
}
