package io.lanyard.dinners.seating;

import java.util.UUID;

import io.lanyard.platform.axon.StoredName;

/**
 * The payload of the persistent deadline that ends a hold. db-scheduler's table stores this class's name with every
 * pending deadline, so it keeps the package it had before dinners took the one shape.
 */
@StoredName("db-scheduler's scheduled_tasks: Axon deadline payloads")
public record HoldExpiry(UUID ticketId) {

    public static final String DEADLINE = "dinner-hold-expiry";
}
