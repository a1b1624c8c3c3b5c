package io.lanyard.dinners.seating.write;

import java.util.UUID;

import io.lanyard.platform.axon.StoredName;

/**
 * The payload of the persistent deadline at a dinner's start, when the holds still unpaid and the waiting list
 * expire. db-scheduler's table stores this class's name with every pending deadline, and no upcaster reads it, so
 * neither its package nor its name may change while a dinner waits to start.
 */
@StoredName("db-scheduler's scheduled_tasks: Axon deadline payloads")
public record DinnerStart(UUID dinnerId) {

    public static final String DEADLINE = "dinner-start";
}
