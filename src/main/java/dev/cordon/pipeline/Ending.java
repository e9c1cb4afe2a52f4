package dev.cordon.pipeline;

/** How a request ended; handed to the {@link EndStage} exactly once per request. */
public sealed interface Ending {

    /** The caller got (or, for streams, finished receiving) a successful answer. */
    record Success(Reply.Usage usage) implements Ending {}

    /** The request was refused or failed; for streams this may happen after bytes were sent. */
    record Failure(GatewayError error) implements Ending {}

    /** The caller went away before a streamed answer finished. */
    record Cancelled() implements Ending {}
}
