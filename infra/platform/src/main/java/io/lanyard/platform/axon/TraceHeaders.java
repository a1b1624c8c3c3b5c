package io.lanyard.platform.axon;

/** The W3C trace context header, carried from HTTP into command and event metadata and on to Kafka headers. */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";

    private TraceHeaders() {
    }
}
