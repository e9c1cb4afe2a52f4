package dev.cordon.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.support.UpstreamResponses;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Vert.x-based OpenAI models speak the wire format LangChain4j's own OpenAI models speak. */
class VertxOpenAiModelsTest {

    /** Generous: the first call pays class loading and JIT on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration AWAIT = Duration.ofSeconds(15);
    private static WireMockServer upstream;
    private static Vertx vertx;
    private static UpstreamHttp http;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        upstream.start();
        vertx = Vertx.vertx();
        http = new UpstreamHttp(vertx);
    }

    @AfterAll
    static void stop() {
        upstream.stop();
        vertx.close();
    }

    @BeforeEach
    void reset() {
        upstream.resetAll();
    }

    @Test
    void aCompletionIsSentWithTheBearerKeyAndItsAnswerUsageAndFinishReasonComeBack() {
        upstream.stubFor(UpstreamResponses.chatReturns("/v1/chat/completions", "gpt-4o-mini", UpstreamResponses.completion("hello")));

        ChatResponse response = chat().chatAsync(request("hi")).await().atMost(AWAIT);

        assertThat(response.aiMessage().text()).isEqualTo("hello");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(11);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(7);
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        upstream.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("hi"))));
    }

    @Test
    void anUpstreamErrorFailsWithItsStatusButNeverItsBody() {
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"echoing your prompt: Margaret Okonkwo\"}")));

        Throwable failure = chat().chatAsync(request("Margaret Okonkwo")).onItem().<Throwable>transform(r -> null)
                .onFailure().recoverWithItem(t -> t).await().atMost(AWAIT);
        GatewayError error = UpstreamErrors.classify(failure, route(), "req_1");

        assertThat(error).isInstanceOf(GatewayError.UpstreamFailure.class);
        assertThat(error.message()).contains("HTTP 500").doesNotContain("Okonkwo");
        assertThat(failure.getMessage()).doesNotContain("Okonkwo");
    }

    @Test
    void anUpstreamSlowerThanTheTimeoutIsClassifiedAsATimeout() {
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(1500).withBody(UpstreamResponses.completion("late"))));
        VertxOpenAiChatModel impatient = new VertxOpenAiChatModel(http, endpoint(), "gpt-4o-mini", Duration.ofMillis(300));

        Throwable failure = impatient.chatAsync(request("hi")).onItem().<Throwable>transform(r -> null)
                .onFailure().recoverWithItem(t -> t).await().atMost(AWAIT);

        assertThat(UpstreamErrors.classify(failure, route(), "req_1")).isInstanceOf(GatewayError.UpstreamTimeout.class);
    }

    @Test
    void aStreamDeliversTextDeltasThenOneCompleteResponseWithUsage() throws Exception {
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(UpstreamResponses.stream("Hel", "lo"))));
        Recorder recorder = new Recorder();

        streaming().chat(request("hi"), recorder);

        ChatResponse done = recorder.done.get(15, TimeUnit.SECONDS);
        assertThat(recorder.text).containsExactly("Hel", "lo");
        assertThat(done.aiMessage().text()).isEqualTo("Hello");
        assertThat(done.tokenUsage().totalTokenCount()).isEqualTo(8);
        assertThat(done.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void cancellingAFinishedStreamIsANoOpSoItsKeepAliveConnectionStaysPooled() throws Exception {
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(UpstreamResponses.stream("done"))));
        Recorder recorder = new Recorder();
        streaming().chat(request("hi"), recorder);
        recorder.done.get(15, TimeUnit.SECONDS);

        recorder.handle.cancel();

        assertThat(recorder.handle.isCancelled()).isFalse();
    }

    @Test
    void aStreamedToolCallArrivesAsIndexedDeltasAndAsACompleteToolRequest() throws Exception {
        String body = sse("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"lookup\",\"arguments\":\"\"}}]}", "null")
                + sse("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"q\\\":\"}}]}", "null")
                + sse("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]}", "null")
                + sse("{}", "\"tool_calls\"") + "data: [DONE]\n\n";
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body)));
        Recorder recorder = new Recorder();

        streaming().chat(request("hi"), recorder);

        ChatResponse done = recorder.done.get(15, TimeUnit.SECONDS);
        assertThat(recorder.tools).extracting(PartialToolCall::partialArguments).containsExactly("{\"q\":", "1}");
        assertThat(recorder.tools).allSatisfy(call -> assertThat(call.name()).isEqualTo("lookup"));
        assertThat(done.aiMessage().toolExecutionRequests()).singleElement()
                .satisfies(call -> assertThat(call.arguments()).isEqualTo("{\"q\":1}"));
        assertThat(done.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    }

    @Test
    void anUnreadableChunkEndsTheStreamWithOneError() {
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody("data: {not json\n\ndata: [DONE]\n\n")));
        Recorder recorder = new Recorder();

        streaming().chat(request("hi"), recorder);

        assertThat(recorder.done).failsWithin(15, TimeUnit.SECONDS);
        assertThat(recorder.errors).isEqualTo(1);
    }

    @Test
    void azureIsCalledUnderOpenAiV1WithTheApiKeyHeaderAndNoBearer() {
        upstream.stubFor(UpstreamResponses.chatReturns("/azure/openai/v1/chat/completions", "deploy", UpstreamResponses.completion("az")));
        UpstreamEndpoint azure = UpstreamEndpoint.of(provider("http://127.0.0.1:" + upstream.port() + "/azure/", "azure-key"), ProviderKind.AZURE_OPENAI);

        new VertxOpenAiChatModel(http, azure, "deploy", TIMEOUT).chatAsync(request("hi")).await().atMost(AWAIT);

        upstream.verify(postRequestedFor(urlPathEqualTo("/azure/openai/v1/chat/completions"))
                .withHeader("api-key", equalTo("azure-key")).withoutHeader("Authorization"));
    }

    @Test
    void embeddingsComeBackInOrderWithUsage() {
        upstream.stubFor(post(urlPathEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(UpstreamResponses.embeddings(2))));
        var model = new VertxOpenAiEmbeddingModel(http, endpoint(), "text-embedding-3-small", 3, TIMEOUT);

        var response = model.embedAllAsync(List.of(TextSegment.from("a"), TextSegment.from("b"))).await().atMost(AWAIT);

        assertThat(response.content()).hasSize(2);
        assertThat(response.content().get(1).vector()).containsExactly(0.25f, -0.5f, 1.0f);
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(6);
        upstream.verify(postRequestedFor(urlPathEqualTo("/v1/embeddings")).withRequestBody(matchingJsonPath("$.dimensions", equalTo("3"))));
    }

    private static String sse(String delta, String finish) {
        return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
                + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static ChatRequest request(String text) {
        return ChatRequest.builder().messages(UserMessage.from(text)).build();
    }

    private static VertxOpenAiChatModel chat() {
        return new VertxOpenAiChatModel(http, endpoint(), "gpt-4o-mini", TIMEOUT);
    }

    private static VertxOpenAiStreamingChatModel streaming() {
        return new VertxOpenAiStreamingChatModel(http, endpoint(), "gpt-4o-mini", TIMEOUT);
    }

    private static UpstreamEndpoint endpoint() {
        return UpstreamEndpoint.of(provider("http://127.0.0.1:" + upstream.port() + "/v1", "sk-test"), ProviderKind.OPENAI);
    }

    private static ModelRoute route() {
        return new ModelRoute("gpt", ModelType.CHAT, "up", ProviderKind.OPENAI, BaaStatus.COVERED, "gpt-4o-mini", TIMEOUT, java.util.List.of());
    }

    private static RoutingConfig.Provider provider(String baseUrl, String key) {
        return new RoutingConfig.Provider() {
            @Override public ProviderKind kind() { return ProviderKind.OPENAI; }
            @Override public Optional<String> baseUrl() { return Optional.of(baseUrl); }
            @Override public Optional<String> apiKey() { return Optional.of(key); }
            @Override public BaaStatus baa() { return BaaStatus.COVERED; }
            @Override public Duration timeout() { return TIMEOUT; }
        };
    }

    private static final class Recorder implements StreamingChatResponseHandler {
        final List<String> text = new CopyOnWriteArrayList<>();
        final List<PartialToolCall> tools = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        volatile StreamingHandle handle;

        @Override public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle = context.streamingHandle();
            text.add(partial.text());
        }
        @Override public void onPartialToolCall(PartialToolCall call) { tools.add(call); }
        @Override public void onCompleteResponse(ChatResponse response) { done.complete(response); }
        volatile int errors;

        @Override public void onError(Throwable error) {
            errors++;
            done.completeExceptionally(error);
        }
    }
}
