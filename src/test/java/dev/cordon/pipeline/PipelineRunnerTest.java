package dev.cordon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PipelineRunnerTest {

    private final List<String> trail = new ArrayList<>();
    private final List<Ending> endings = new ArrayList<>();

    @Test
    void stagesRunInOrderAndSeeTheReplyInReverseOrder() {
        PipelineRunner runner = runner(ok -> Uni.createFrom().voidItem(),
                stage("a", ex -> StageOutcome.CONTINUE), stage("b", ex -> StageOutcome.CONTINUE),
                stage("c", ex -> StageOutcome.respond(new Reply.Json("answer"))));

        PipelineResult result = run(runner);

        assertThat(result).isInstanceOf(PipelineResult.Replied.class);
        assertThat(trail).containsExactly("in:a", "in:b", "in:c", "out:b", "out:a");
        assertThat(endings).singleElement().isInstanceOf(Ending.Success.class);
    }

    @Test
    void aRejectStopsThePipelineAndStillRunsTheEndStageOnce() {
        GatewayError denied = new GatewayError.PermissionDenied("no", "denied");
        PipelineRunner runner = runner(ok -> Uni.createFrom().voidItem(),
                stage("a", ex -> StageOutcome.reject(denied)), stage("b", ex -> StageOutcome.CONTINUE));

        PipelineResult result = run(runner);

        assertThat(result).isEqualTo(new PipelineResult.Refused(denied));
        assertThat(trail).containsExactly("in:a");
        assertThat(endings).containsExactly(new Ending.Failure(denied));
    }

    @Test
    void aThrowingStageBecomesAnInternalRejectionNotAPassThrough() {
        PipelineRunner runner = runner(ok -> Uni.createFrom().voidItem(),
                stage("a", ex -> { throw new IllegalStateException("patient John Smith broke it"); }),
                stage("b", ex -> StageOutcome.respond(new Reply.Json("should not happen"))));

        PipelineResult result = run(runner);

        assertThat(result).isInstanceOf(PipelineResult.Refused.class);
        assertThat(((PipelineResult.Refused) result).error()).isInstanceOf(GatewayError.Internal.class);
        assertThat(((PipelineResult.Refused) result).error().message()).doesNotContain("John");
        assertThat(trail).containsExactly("in:a");
    }

    @Test
    void aFailedUniFromAStageIsAlsoRejected() {
        PipelineRunner runner = new PipelineRunner(new Pipeline(List.of(new Stage() {
            public String name() { return "failing"; }
            public Uni<StageOutcome> onRequest(Exchange e) { return Uni.createFrom().failure(new RuntimeException("boom")); }
        }), (ex, end) -> { endings.add(end); return Uni.createFrom().voidItem(); }));

        assertThat(run(runner)).isInstanceOf(PipelineResult.Refused.class);
        assertThat(endings).hasSize(1);
    }

    @Test
    void aFailingEndStageTurnsASuccessInto503() {
        PipelineRunner runner = runner(ok -> Uni.createFrom().failure(new RuntimeException("audit store down")),
                stage("a", ex -> StageOutcome.respond(new Reply.Json("answer"))));

        PipelineResult result = run(runner);

        assertThat(result).isInstanceOf(PipelineResult.Refused.class);
        assertThat(((PipelineResult.Refused) result).error()).isInstanceOf(GatewayError.Unavailable.class);
    }

    @Test
    void aStreamRunsTheEndStageWhenItCompletesWithTheFinalUsage() {
        Reply.Usage usage = new Reply.Usage(3, 4);
        Multi<StreamEvent> events = Multi.createFrom().items(new StreamEvent.ContentDelta("hi"), new StreamEvent.Finish("stop", usage));
        PipelineRunner runner = runner(ok -> Uni.createFrom().voidItem(), stage("a", ex -> StageOutcome.respond(new Reply.ChatStream(events))));

        Reply.ChatStream stream = (Reply.ChatStream) ((PipelineResult.Replied) run(runner)).reply();
        assertThat(endings).isEmpty();
        stream.events().collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(endings).containsExactly(new Ending.Success(usage));
    }

    @Test
    void aStreamFailingMidwayEndsAsAFailureWithTheCarriedError() {
        GatewayError upstream = new GatewayError.UpstreamFailure("upstream broke", "upstream_error");
        Multi<StreamEvent> events = Multi.createBy().concatenating().streams(
                Multi.createFrom().item(new StreamEvent.ContentDelta("partial")),
                Multi.createFrom().failure(new StageFailure(upstream)));
        PipelineRunner runner = runner(ok -> Uni.createFrom().voidItem(), stage("a", ex -> StageOutcome.respond(new Reply.ChatStream(events))));

        Reply.ChatStream stream = (Reply.ChatStream) ((PipelineResult.Replied) run(runner)).reply();
        stream.events().onFailure().recoverWithCompletion().collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(endings).containsExactly(new Ending.Failure(upstream));
    }

    @Test
    void aCallerLeavingWhileTheCompletionIsRecordedStillEndsTheRequestOnce() {
        Multi<StreamEvent> events = Multi.createFrom().items(new StreamEvent.Finish("stop", Reply.Usage.NONE));
        io.smallrye.mutiny.subscription.UniEmitter<? super Void>[] pending = new io.smallrye.mutiny.subscription.UniEmitter[1];
        PipelineRunner runner = runner(ok -> Uni.createFrom().emitter(e -> pending[0] = e),
                stage("a", ex -> StageOutcome.respond(new Reply.ChatStream(events))));
        Reply.ChatStream stream = (Reply.ChatStream) ((PipelineResult.Replied) run(runner)).reply();

        var subscription = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Flow.Subscription>();
        stream.events().subscribe().withSubscriber(new io.smallrye.mutiny.subscription.MultiSubscriber<StreamEvent>() {
            public void onSubscribe(java.util.concurrent.Flow.Subscription s) { subscription.set(s); s.request(10); }
            public void onItem(StreamEvent item) {}
            public void onFailure(Throwable failure) {}
            public void onCompletion() {}
        });
        subscription.get().cancel();
        pending[0].complete(null);

        assertThat(endings).hasSize(1).first().isInstanceOf(Ending.Success.class);
    }

    @Test
    void theProviderStreamStartsWhileTheStreamStartIsRecordedAndItsEventsWaitForTheRecord() {
        java.util.concurrent.atomic.AtomicBoolean providerCalled = new java.util.concurrent.atomic.AtomicBoolean();
        Multi<StreamEvent> events = Multi.createFrom().<StreamEvent>items(new StreamEvent.ContentDelta("hi"), new StreamEvent.Finish("stop", Reply.Usage.NONE))
                .onSubscription().invoke(() -> providerCalled.set(true));
        io.smallrye.mutiny.subscription.UniEmitter<? super Void>[] recording = new io.smallrye.mutiny.subscription.UniEmitter[1];
        PipelineRunner runner = runner(ok -> Uni.createFrom().voidItem(), ex -> Uni.createFrom().emitter(e -> recording[0] = e),
                stage("a", ex -> StageOutcome.respond(new Reply.ChatStream(events))));
        var pending = runner.run(new Exchange("req_1", Operation.CHAT_COMPLETIONS, h -> null, "127.0.0.1")).subscribe().asCompletionStage();

        assertThat(providerCalled).isTrue();
        assertThat(pending).isNotDone();
        recording[0].complete(null);

        Reply.ChatStream stream = (Reply.ChatStream) ((PipelineResult.Replied) pending.join()).reply();
        assertThat(stream.events().collect().asList().await().atMost(Duration.ofSeconds(5))).hasSize(2);
    }

    @Test
    void aFailedStreamStartRecordCancelsTheProviderStream() {
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        Multi<StreamEvent> events = Multi.createFrom().<StreamEvent>emitter(e -> e.emit(new StreamEvent.ContentDelta("hi")))
                .onCancellation().invoke(() -> cancelled.set(true));
        PipelineRunner runner = runner(ok -> Uni.createFrom().voidItem(), ex -> Uni.createFrom().failure(new RuntimeException("audit down")),
                stage("a", ex -> StageOutcome.respond(new Reply.ChatStream(events))));

        PipelineResult result = run(runner);

        assertThat(result).isInstanceOf(PipelineResult.Refused.class);
        assertThat(cancelled).isTrue();
    }

    private Stage stage(String name, Function<Exchange, StageOutcome> decide) {
        return new Stage() {
            public String name() { return name; }
            public Uni<StageOutcome> onRequest(Exchange exchange) {
                trail.add("in:" + name);
                return Uni.createFrom().item(decide.apply(exchange));
            }
            public Uni<Reply> onResponse(Exchange exchange, Reply reply) {
                trail.add("out:" + name);
                return Uni.createFrom().item(reply);
            }
        };
    }

    private PipelineRunner runner(Function<Ending, Uni<Void>> end, Stage... stages) {
        return new PipelineRunner(new Pipeline(List.of(stages), (ex, ending) -> {
            endings.add(ending);
            return end.apply(ending);
        }));
    }

    private PipelineRunner runner(Function<Ending, Uni<Void>> end, Function<Exchange, Uni<Void>> streamStart, Stage... stages) {
        return new PipelineRunner(new Pipeline(List.of(stages), new EndStage() {
            public Uni<Void> onEnd(Exchange exchange, Ending ending) {
                endings.add(ending);
                return end.apply(ending);
            }

            public Uni<Void> onStreamStart(Exchange exchange) {
                return streamStart.apply(exchange);
            }
        }));
    }

    private static PipelineResult run(PipelineRunner runner) {
        Exchange exchange = new Exchange("req_test", Operation.CHAT_COMPLETIONS, h -> null, "127.0.0.1");
        return runner.run(exchange).await().atMost(Duration.ofSeconds(5));
    }
}
