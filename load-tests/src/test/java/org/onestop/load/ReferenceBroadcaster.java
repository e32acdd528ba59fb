package org.onestop.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference broadcaster: the least a server can do to fan one event out to N WebSocket
 * viewers, in raw Netty, as a yardstick for the portal (README "Reference broadcaster").
 *
 * <p>On one port ({@code -Dport}, default 18900):
 * <ul>
 *   <li>{@code GET /ws} upgrades to a WebSocket. A {@code join} frame is answered with
 *       {@code {"op":"reply","ref":…,"status":"ok"}} and a minimal snapshot
 *       ({@code "questions":[{"id":1}]}, so the fan-out probe runs unchanged), and the socket joins
 *       the one broadcast group; {@code ping} gets {@code pong}.</li>
 *   <li>{@code POST /publish?bytes=300} builds ONE {@code answer.posted} event frame, with
 *       {@code ts} = now and the request body (plain text, optional) at the start of its
 *       {@code text}, padded so the frame is about {@code bytes} long; encodes it once into a buffer
 *       and writes that same buffer to every viewer
 *       ({@code group.writeAndFlush(new TextWebSocketFrame(buf.retainedDuplicate()))}); answers
 *       201 {@code {"id":N}}.</li>
 * </ul>
 *
 * <p>Nothing else: no authentication, no database, no per-viewer queue (a viewer that does not
 * read just accumulates in Netty's outbound buffer), one topic. Epoll when available, else NIO;
 * as many event-loop threads as cores.
 */
public final class ReferenceBroadcaster {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChannelGroup viewers = new DefaultChannelGroup("viewers", GlobalEventExecutor.INSTANCE);
    private final AtomicLong seq = new AtomicLong();

    public static void main(String[] args) throws InterruptedException {
        int port = ProbeOptions.integer("port", 18900);
        new ReferenceBroadcaster().serve(port);
    }

    private void serve(int port) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        int threads = Runtime.getRuntime().availableProcessors();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(threads, io);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> loops.shutdownGracefully(0, 2, TimeUnit.SECONDS)
                .syncUninterruptibly(), "reference-stop"));
        try {
            var server = new ServerBootstrap()
                    .group(loops)
                    .channel(channel)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(
                                    new HttpServerCodec(),
                                    new HttpObjectAggregator(64 * 1024),
                                    new Publish(),
                                    new WebSocketServerProtocolHandler("/ws"),
                                    new Frames(),
                                    new NotFound());
                        }
                    })
                    .bind(port).sync().channel();
            System.out.printf("REFERENCE listening on port %d (%s, %d event-loop threads), pid %d%n", port,
                    epoll ? "epoll" : "nio", threads, ProcessHandle.current().pid());
            long[] lastReported = {-1, -1};
            loops.next().scheduleAtFixedRate(() -> {
                if (viewers.size() != lastReported[0] || seq.get() != lastReported[1]) {
                    lastReported[0] = viewers.size();
                    lastReported[1] = seq.get();
                    System.out.printf("REFERENCE viewers=%d published=%d%n", lastReported[0], lastReported[1]);
                }
            }, 5, 5, TimeUnit.SECONDS);
            server.closeFuture().sync();
        } finally {
            loops.shutdownGracefully();
        }
    }

    /** POST /publish: one event, encoded once, written to every viewer. */
    private final class Publish extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        public boolean acceptInboundMessage(Object msg) {
            return msg instanceof FullHttpRequest r && new QueryStringDecoder(r.uri()).path().equals("/publish");
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!request.method().equals(HttpMethod.POST)) {
                respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "{\"error\":\"POST only\"}");
                return;
            }
            List<String> bytesParam = new QueryStringDecoder(request.uri()).parameters().getOrDefault("bytes", List.of("0"));
            int size;
            try {
                size = Integer.parseInt(bytesParam.get(0));
            } catch (NumberFormatException e) {
                respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "{\"error\":\"bytes must be a number\"}");
                return;
            }
            long n = seq.incrementAndGet();
            String head = "{\"op\":\"event\",\"topic\":\"inquiry:1\",\"seq\":" + n + ",\"type\":\"answer.posted\",\"ts\":\""
                    + Instant.now() + "\",\"data\":{\"id\":" + n + ",\"questionId\":1,\"text\":\""
                    + escape(request.content().toString(StandardCharsets.UTF_8));
            String tail = "\"}}";
            byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
            int padding = Math.max(0, Math.min(size, 1 << 20) - headBytes.length - tail.length());
            ByteBuf buf = ctx.alloc().buffer(headBytes.length + padding + tail.length());
            buf.writeBytes(headBytes);
            for (int i = 0; i < padding; i++) {
                buf.writeByte('x');
            }
            buf.writeCharSequence(tail, StandardCharsets.US_ASCII);
            // The group hands every channel a retained duplicate of this one frame: shared bytes, one encoding.
            viewers.writeAndFlush(new TextWebSocketFrame(buf.retainedDuplicate()));
            buf.release();
            respond(ctx, request, HttpResponseStatus.CREATED, "{\"id\":" + n + "}");
        }
    }

    /** WebSocket text frames of the viewers: join and ping. */
    private final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws Exception {
            JsonNode f = JSON.readTree(frame.text());
            String ref = JSON.writeValueAsString(f.path("ref").asText(""));
            switch (f.path("op").asText()) {
                case "join" -> {
                    String topic = JSON.writeValueAsString(f.path("topic").asText("inquiry:1"));
                    ctx.write(new TextWebSocketFrame("{\"op\":\"reply\",\"ref\":" + ref + ",\"status\":\"ok\"}"));
                    ctx.writeAndFlush(new TextWebSocketFrame("{\"op\":\"snapshot\",\"topic\":" + topic
                            + ",\"seq\":0,\"data\":{\"questions\":[{\"id\":1}]}}"));
                    viewers.add(ctx.channel());
                }
                case "ping" -> ctx.writeAndFlush(new TextWebSocketFrame("{\"op\":\"pong\",\"ref\":" + ref + "}"));
                default -> ctx.writeAndFlush(new TextWebSocketFrame("{\"op\":\"reply\",\"ref\":" + ref
                        + ",\"status\":\"error\",\"error\":{\"code\":\"bad_request\",\"message\":\"Unknown op\"}}"));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a malformed frame: the portal would close with 1008; a reference need not be polite
        }
    }

    /** Any other HTTP request. */
    private static final class NotFound extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND, "{\"error\":\"not found\"}");
        }
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String json) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The body as the inside of a JSON string. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
