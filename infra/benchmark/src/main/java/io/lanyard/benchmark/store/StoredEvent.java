package io.lanyard.benchmark.store;

/** One row of Axon's {@code domain_event_entry}, as the JDBC storage engine writes it. */
record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
                   String eventIdentifier, byte[] metaData, byte[] payload, String payloadRevision,
                   String payloadType, String timeStamp) {
}
