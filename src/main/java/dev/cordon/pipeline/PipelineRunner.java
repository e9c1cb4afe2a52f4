package dev.cordon.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs an {@link Exchange} through the {@link Pipeline}: stages in order on the way in, the
 * replies back through the passed stages in reverse order, then the {@link EndStage} exactly once.
 *
 * <p>Any exception thrown by a stage becomes a 500 rejection (fail closed); a failing end stage
 * turns a success into a 503. Thread-safe and stateless.
 */
@ApplicationScoped
public class PipelineRunner {

    private static final Logger LOGGER = Logger.getLogger(PipelineRunner.class);

    private final Pipeline pipeline;
    private final Timer[] stageTimers;

    /** For tests that assemble their own pipeline: stage times go to a private registry. */
    public PipelineRunner(Pipeline pipeline) {
        this(pipeline, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    @Inject
    public PipelineRunner(Pipeline pipeline, MeterRegistry metrics) {
        this.pipeline = pipeline;
        // One timer per stage, made once: the request path only records into it. The histogram lets
        // operators see what each stage (auth, limits, PHI, ...) adds, at p50 and p99.
        this.stageTimers = pipeline.stages().stream().map(stage -> Timer.builder("cordon_stage_seconds")
                .description("Time a request spends in a pipeline stage on its way in, including its I/O")
                .tag("stage", stage.name()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000)).maximumExpectedValue(Duration.ofSeconds(120))
                .register(metrics)).toArray(Timer[]::new);
    }

    /** Never fails: every problem comes back as a {@link PipelineResult.Refused}. */
    public Uni<PipelineResult> run(Exchange exchange) {
        return step(exchange, pipeline.stages(), 0)
                .flatMap(result -> finish(exchange, result));
    }

    /**
     * Ends an exchange refused before any stage could run (e.g. a body over the size limit), so
     * that it gets its audit record like every other refusal. Never fails.
     */
    public Uni<PipelineResult> refuse(Exchange exchange, GatewayError error) {
        return finish(exchange, refused(error));
    }

    private Uni<PipelineResult> step(Exchange ex, List<Stage> stages, int index) {
        if (index == stages.size()) {
            return Uni.createFrom().item(refused(new GatewayError.Internal(
                    "The request reached the end of the pipeline unanswered.", "pipeline_unanswered")));
        }
        Stage stage = stages.get(index);
        long started = System.nanoTime();
        return guarded(ex, stage, () -> stage.onRequest(ex)).flatMap(outcome -> {
            stageTimers[index].record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (outcome instanceof StageOutcome.Reject reject) {
                return Uni.createFrom().item(refused(reject.error()));
            }
            if (outcome instanceof StageOutcome.Respond respond) {
                return Uni.createFrom().item(new PipelineResult.Replied(respond.reply()));
            }
            return step(ex, stages, index + 1).flatMap(result -> onTheWayOut(ex, stage, result));
        });
    }

    private Uni<PipelineResult> onTheWayOut(Exchange ex, Stage stage, PipelineResult result) {
        if (!(result instanceof PipelineResult.Replied replied)) {
            return Uni.createFrom().item(result);
        }
        return guarded(ex, stage, () -> stage.onResponse(ex, replied.reply()))
                .map(reply -> reply instanceof StageOutcome.Reject r
                        ? refused(r.error()) : new PipelineResult.Replied((Reply) reply));
    }

    /** Calls a stage; a throw or a failed Uni becomes a Reject instead of escaping. */
    private <T> Uni<Object> guarded(Exchange ex, Stage stage, Supplier<Uni<T>> call) {
        Uni<T> uni;
        try {
            uni = call.get();
        } catch (RuntimeException e) {
            uni = Uni.createFrom().failure(e);
        }
        return uni.map(v -> (Object) v).onFailure().recoverWithItem(t -> StageOutcome.reject(classify(ex, stage.name(), t)));
    }

    private static GatewayError classify(Exchange ex, String where, Throwable t) {
        if (t instanceof StageFailure failure) {
            return failure.error();
        }
        LOGGER.errorf("stage failed: stage=%s request_id=%s error=%s", where, ex.requestId(), SafeThrowables.describe(t));
        return new GatewayError.Internal("The gateway failed to process the request.", "internal_error");
    }

    private Uni<PipelineResult> finish(Exchange ex, PipelineResult result) {
        if (result instanceof PipelineResult.Replied replied && replied.reply() instanceof Reply.ChatStream stream) {
            // The provider call starts now, while the stream-start record is made durable, and its
            // events wait in a buffer: the first token then costs max(record, provider), not the sum.
            UnicastProcessor<StreamEvent> early = UnicastProcessor.create();
            AtomicReference<Flow.Subscription> provider = new AtomicReference<>();
            stream.events().onSubscription().invoke(provider::set).subscribe(early);
            return streamStart(ex)
                    .map(ignored -> (PipelineResult) new PipelineResult.Replied(new Reply.ChatStream(endedStream(ex, early))))
                    .onFailure().invoke(t -> provider.get().cancel())
                    .onFailure().recoverWithItem(t -> endFailed(ex, t));
        }
        Ending ending = result instanceof PipelineResult.Refused refused
                ? new Ending.Failure(refused.error())
                : new Ending.Success(usageOf(((PipelineResult.Replied) result).reply()));
        return ending(ex, ending).map(ignored -> result)
                .onFailure().recoverWithItem(t -> endFailed(ex, t));
    }

    /**
     * Ends the exchange exactly once however the stream terminates: a caller that disconnects
     * while the completion is being recorded must not add a second, contradicting ending.
     */
    private Multi<StreamEvent> endedStream(Exchange ex, Multi<StreamEvent> events) {
        AtomicReference<Reply.Usage> usage = new AtomicReference<>(Reply.Usage.NONE);
        AtomicBoolean ended = new AtomicBoolean();
        return events
                .onItem().invoke(e -> {
                    if (e instanceof StreamEvent.Finish f) {
                        usage.set(f.usage());
                    }
                })
                .onCompletion().call(() -> endOnce(ended, ex, new Ending.Success(usage.get())))
                .onFailure().call(t -> endOnce(ended, ex, new Ending.Failure(classify(ex, "stream", t)))
                        .onFailure().recoverWithNull())
                .onCancellation().call(() -> endOnce(ended, ex, new Ending.Cancelled()).onFailure().recoverWithNull());
    }

    private Uni<Void> endOnce(AtomicBoolean ended, Exchange ex, Ending ending) {
        return ended.compareAndSet(false, true) ? ending(ex, ending) : Uni.createFrom().voidItem();
    }

    private Uni<Void> streamStart(Exchange ex) {
        try {
            return pipeline.end().onStreamStart(ex);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private Uni<Void> ending(Exchange ex, Ending ending) {
        try {
            return pipeline.end().onEnd(ex, ending);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private static PipelineResult endFailed(Exchange ex, Throwable t) {
        LOGGER.errorf("end stage failed: request_id=%s error=%s", ex.requestId(), SafeThrowables.describe(t));
        return refused(new GatewayError.Unavailable(
                "The request could not be recorded in the audit trail and was refused.", "audit_unavailable"));
    }

    private static Reply.Usage usageOf(Reply reply) {
        if (reply instanceof Reply.Chat chat) {
            return chat.result().usage();
        }
        if (reply instanceof Reply.Embeddings embeddings) {
            return embeddings.usage();
        }
        return Reply.Usage.NONE;
    }

    private static PipelineResult refused(GatewayError error) {
        return new PipelineResult.Refused(error);
    }
}
