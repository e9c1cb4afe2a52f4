package dev.cordon.breakglass;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Raises the alert a break-glass approval or use must cause: a WARN log event
 * ({@code break_glass_<event>}), the {@code cordon_break_glass_events_total} counter, and, when
 * configured, a webhook POST. Alerts carry ids only — never the justification, which may quote a
 * patient. Webhook delivery is best effort and never delays or fails the request it reports.
 */
@ApplicationScoped
class BreakGlassAlerts {

    private static final Logger LOGGER = Logger.getLogger("dev.cordon.breakglass.alert");

    private final MeterRegistry metrics;
    private final BreakGlassConfig config;
    private final HttpClient http;

    BreakGlassAlerts(MeterRegistry metrics, BreakGlassConfig config, Vertx vertx) {
        this.metrics = metrics;
        this.config = config;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000));
    }

    /** @param event {@code approved} or {@code used}; {@code requestId} null for approvals */
    void raise(String event, String tenantId, String grantId, String actor, String requestId) {
        LOGGER.warnf("break_glass_%s tenant=%s grant=%s actor=%s request_id=%s", event, tenantId, grantId, actor, requestId);
        metrics.counter("cordon_break_glass_events_total", "event", event, "tenant", tenantId).increment();
        config.webhookUrl().ifPresent(url -> post(url, new JsonObject().put("event", "break_glass_" + event).put("tenant", tenantId)
                .put("grant", grantId).put("actor", actor).put("request_id", requestId).put("at", Instant.now().toString())));
    }

    private void post(String url, JsonObject body) {
        http.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url).setTimeout(5_000)
                        .putHeader("Content-Type", "application/json"))
                .compose(request -> request.send(body.toBuffer()))
                .onSuccess(response -> {
                    if (response.statusCode() >= 300) {
                        LOGGER.errorf("break-glass webhook answered HTTP %d", response.statusCode());
                    }
                })
                .onFailure(t -> LOGGER.errorf("break-glass webhook failed: %s", t.getClass().getSimpleName()));
    }
}
