package org.onestop.live;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A WebSocket client on a plain socket. It sends each payload as exactly one frame, of any opcode
 * and length, with any bytes (also invalid UTF-8): the JDK client would split long messages into
 * continuation frames and only sends valid text, which hides what the server does with one hostile
 * frame. It reads only when asked, through a receive buffer the test may choose, so it can also
 * stop reading altogether, as a stalled browser does, without a client library's buffers absorbing
 * what the server sends.
 */
public final class RawSocket implements AutoCloseable {

    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;

    /** A frame from the server; {@code opcode} -1 means the connection ended without a close frame. */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final SplittableRandom random = new SplittableRandom(7);

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A socket with the system's receive buffer that gives up on a silent server after 10 s. */
    public static RawSocket open(int port, String cookieHeader) throws IOException {
        return open(port, cookieHeader, 0, 10_000);
    }

    /** A socket with this receive buffer (bytes) that waits up to 30 s for each frame. */
    public static RawSocket open(int port, String cookieHeader, int receiveBuffer) throws IOException {
        return open(port, cookieHeader, receiveBuffer, 30_000);
    }

    private static RawSocket open(int port, String cookieHeader, int receiveBuffer, int readTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("localhost", port), 5000);
        socket.setSoTimeout(readTimeoutMillis);
        RawSocket raw = new RawSocket(socket);
        String request = "GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://localhost:" + port
                + "\r\n" + (cookieHeader.isEmpty() ? "" : "Cookie: " + cookieHeader + "\r\n") + "\r\n";
        raw.out.write(request.getBytes(StandardCharsets.US_ASCII));
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = raw.in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("not upgraded: " + head);
        }
        return raw;
    }

    public void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One final, masked frame, as every client frame must be masked. */
    public void send(int opcode, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        int n = payload.length;
        byte[] header = n < 126 ? new byte[] {(byte) (0x80 | opcode), (byte) (0x80 | n)}
                : n < 65536 ? new byte[] {(byte) (0x80 | opcode), (byte) (0x80 | 126), (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) (0x80 | opcode), (byte) (0x80 | 127), 0, 0, 0, 0, (byte) (n >> 24), (byte) (n >> 16),
                        (byte) (n >> 8), (byte) n};
        byte[] frame = new byte[header.length + 4 + n];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(mask, 0, frame, header.length, 4);
        for (int i = 0; i < n; i++) {
            frame[header.length + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        out.write(frame);
        out.flush();
    }

    /** The next frame, or opcode -1 if the server ended the connection (or sent nothing for 10 s: opcode -2). */
    public Frame read() {
        try {
            int first = in.read();
            if (first < 0) {
                return new Frame(-1, new byte[0]);
            }
            int second = readByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = (readByte() << 8) | readByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte();
                }
            }
            return new Frame(first & 0x0f, in.readNBytes((int) length));
        } catch (java.net.SocketTimeoutException e) {
            return new Frame(-2, new byte[0]);
        } catch (IOException e) {
            return new Frame(-1, new byte[0]);
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("connection closed");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
