import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A controllable OpenAI-compatible upstream for bench/faults.sh. JDK 17, no dependencies, loopback
 * only; run as a single-file program: {@code java bench/FaultyUpstream.java PORT}.
 *
 * <p>POST /v1/chat/completions answers a chat completion (JSON, or SSE when the body asks for
 * {@code "stream":true}) according to the current mode, switched at runtime with
 * {@code POST /control?mode=ok|slow|500|reset[&ms=N]}:
 * <ul>
 *   <li>{@code ok}: answer at once;</li>
 *   <li>{@code slow}: wait {@code ms} (default 5000) before answering;</li>
 *   <li>{@code 500}: answer HTTP 500 with an OpenAI error body;</li>
 *   <li>{@code reset}: a stream gets its first chunk and then a TCP reset; a plain call gets a reset at once.</li>
 * </ul>
 * {@code GET /stats} prints counters by mode; {@code GET /last} the last chat request body received
 * (so the bench can check that PHI was redacted before it left the gateway).
 *
 * <p>A deliberately small HTTP/1.1 server on plain sockets: the JDK's HttpServer cannot reset a
 * connection mid-response, and that is exactly the fault this program exists to produce.
 */
public final class FaultyUpstream {

    private static volatile String mode = "ok";
    private static volatile long slowMillis = 5000;
    private static volatile String lastBody = "";
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    private FaultyUpstream() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "conn");
            t.setDaemon(true);
            return t;
        });
        try (ServerSocket server = new ServerSocket(port, 512, InetAddress.getLoopbackAddress())) {
            System.out.println("faulty upstream listening on 127.0.0.1:" + port);
            while (true) {
                Socket socket = server.accept();
                pool.execute(() -> serve(socket));
            }
        }
    }

    /** Serves requests on one keep-alive connection until the peer closes it or a reset is due. */
    private static void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            Request request;
            while ((request = Request.read(in)) != null) {
                if (!handle(request, socket, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the peer went away, or we reset the connection on purpose
        }
    }

    /** Returns false when the connection was reset and must not be used again. */
    private static boolean handle(Request request, Socket socket, OutputStream out) throws IOException, InterruptedException {
        if (request.path.startsWith("/control")) {
            mode = request.query("mode", mode);
            slowMillis = Long.parseLong(request.query("ms", Long.toString(slowMillis)));
            respond(out, 200, "text/plain", "mode=" + mode + " ms=" + slowMillis + "\n");
            return true;
        }
        if (request.path.startsWith("/stats")) {
            respond(out, 200, "text/plain", COUNTS + "\n");
            return true;
        }
        if (request.path.startsWith("/last")) {
            respond(out, 200, "application/json", lastBody);
            return true;
        }
        if (!request.path.endsWith("/chat/completions")) {
            respond(out, 404, "application/json", "{\"error\":{\"message\":\"not found\",\"type\":\"invalid_request_error\"}}");
            return true;
        }
        return chat(request, socket, out);
    }

    private static boolean chat(Request request, Socket socket, OutputStream out) throws IOException, InterruptedException {
        String current = mode;
        COUNTS.computeIfAbsent(current, k -> new AtomicLong()).incrementAndGet();
        lastBody = request.body;
        boolean stream = request.body.replace(" ", "").contains("\"stream\":true");
        switch (current) {
            case "slow" -> Thread.sleep(slowMillis);
            case "500" -> {
                respond(out, 500, "application/json", "{\"error\":{\"message\":\"injected failure\",\"type\":\"server_error\"}}");
                return true;
            }
            case "reset" -> {
                if (stream) {
                    startStream(out);
                    out.write(chunked(chunk("{\"role\":\"assistant\",\"content\":\"Partial \"}", "null")));
                    out.flush();
                    Thread.sleep(50);
                }
                socket.setSoLinger(true, 0);
                return false;
            }
            default -> { }
        }
        if (stream) {
            startStream(out);
            out.write(chunked(chunk("{\"role\":\"assistant\",\"content\":\"Fluids \"}", "null")));
            out.write(chunked(chunk("{\"content\":\"and rest.\"}", "null")));
            out.write(chunked(chunk("{}", "\"stop\"") + "data: [DONE]\n\n"));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return true;
        }
        respond(out, 200, "application/json", "{\"id\":\"chatcmpl-faulty\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"faulty\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Fluids and rest.\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,\"total_tokens\":16}}");
        return true;
    }

    private static void startStream(OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"faulty\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static byte[] chunked(String data) {
        byte[] body = data.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void respond(OutputStream out, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + (status == 200 ? " OK" : " Error") + "\r\nContent-Type: " + type
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** One parsed request: path with query, and a body read by Content-Length. */
    private record Request(String path, String body) {

        static Request read(InputStream in) throws IOException {
            String line = line(in);
            if (line == null || line.isEmpty()) {
                return null;
            }
            String[] parts = line.split(" ");
            int length = 0;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            return new Request(parts.length > 1 ? parts[1] : "/", new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    return sb.toString().stripTrailing();
                }
                sb.append((char) b);
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        String query(String name, String otherwise) {
            int q = path.indexOf('?');
            if (q < 0) {
                return otherwise;
            }
            for (String pair : path.substring(q + 1).split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
            return otherwise;
        }
    }
}
