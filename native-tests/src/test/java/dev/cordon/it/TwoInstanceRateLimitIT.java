package dev.cordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two separately started gateway processes (the packaged artifact, twice) share one Redis: a burst
 * spread over both must be limited to exactly the configured count, because the limit is one atomic
 * script in Redis and not a per-process counter.
 */
class TwoInstanceRateLimitIT {

    private static final int LIMIT = 12;
    private static final int BURST = 48;
    private static final String ADMIN_KEY = "test-admin-key-0123456789abcdefghijklmnop";
    private static final List<Process> INSTANCES = new ArrayList<>();
    private static final int[] PORTS = {18211, 18212};
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void givenTwoInstancesWithAPerKeyLimit() throws Exception {
        for (int port : PORTS) {
            INSTANCES.add(start(port));
        }
        for (int port : PORTS) {
            awaitReady(port);
        }
        // Warm both JVMs with another tenant's key, so the measured burst is not spread over JIT time
        // (the bucket refills one request every 60/LIMIT seconds).
        String warmKey = newTenantKey();
        for (int i = 0; i < 4; i++) {
            HTTP.send(chat(PORTS[i % 2], warmKey), HttpResponse.BodyHandlers.discarding());
        }
    }

    @AfterAll
    static void stopInstances() {
        INSTANCES.forEach(Process::destroy);
    }

    @Test
    void aBurstSpreadOverTwoInstancesGetsExactlyTheLimitThrough() throws Exception {
        String key = newTenantKey();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();

        for (int i = 0; i < BURST; i++) {
            calls.add(HTTP.sendAsync(chat(PORTS[i % 2], key), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();

        assertThat(statuses.keySet()).containsOnly(200, 429);
        assertThat(statuses.get(200).get()).isEqualTo(LIMIT);
        assertThat(statuses.get(429).get()).isEqualTo(BURST - LIMIT);
    }

    private static HttpRequest chat(int port, String key) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();
    }

    private static String newTenantKey() throws Exception {
        String tenant = "t2-" + System.nanoTime();
        admin("POST", "/admin/v1/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Two instance test\"}");
        admin("PUT", "/admin/v1/tenants/" + tenant + "/models", "{\"models\":[\"echo\"]}");
        String issued = admin("POST", "/admin/v1/tenants/" + tenant + "/keys", "{\"name\":\"burst\"}");
        return issued.replaceAll(".*\"secret\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String admin(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORTS[0] + path))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path).isBetween(200, 201);
        return response.body();
    }

    /** The same artifact the other ITs test: the JVM jar, or the native executable when built with -Dnative. */
    private static Process start(int port) throws IOException {
        List<String> command = new ArrayList<>();
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (Files.exists(jar)) {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        }
        command.addAll(List.of("-Dquarkus.profile=test", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.flyway.clean-at-start=false", "-Dcordon.limits.key-requests-per-minute=" + LIMIT,
                "-Dcordon.audit.chain-id=it2-" + ProcessHandle.current().pid()));
        if (Files.exists(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.add(0, nativeRunner().toString());
        }
        File log = Path.of("target", "two-instance-" + port + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static Path nativeRunner() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged artifact in target/"));
        }
    }

    private static void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("instance on port " + port + " did not become ready; see target/two-instance-" + port + ".log");
    }
}
