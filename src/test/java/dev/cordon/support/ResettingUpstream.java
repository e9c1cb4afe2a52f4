package dev.cordon.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An OpenAI-compatible upstream that starts a streamed answer with one content chunk and then
 * resets the connection (TCP RST), which WireMock's canned faults cannot do after real data.
 */
public final class ResettingUpstream implements AutoCloseable {

    /** The text of the only chunk sent before the reset. */
    public static final String FIRST_CHUNK = "Partial ";

    private final ServerSocket server;

    public ResettingUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "resetting-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                readRequestHead(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                String chunk = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"" + FIRST_CHUNK + "\"},\"finish_reason\":null}]}\n\n";
                byte[] body = chunk.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(200);
                socket.setSoLinger(true, 0);
            } catch (IOException | InterruptedException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Reads up to the end of the headers; the body is left unread, since the reset discards it anyway. */
    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
