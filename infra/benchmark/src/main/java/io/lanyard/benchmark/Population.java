package io.lanyard.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The attendees of the benchmark's main conference: who registered (subject, token, attendee id) during the
 * independent-commands scenario, so the dinner rush and the propagation scenario act for real attendees.
 */
public final class Population {

    public record Attendee(String subject, String token, UUID attendeeId) {
    }

    private final UUID conference;
    private final List<UUID> ticketTypes;
    private final String organizerToken;
    private final List<Attendee> attendees = Collections.synchronizedList(new ArrayList<>());

    public Population(UUID conference, List<UUID> ticketTypes, String organizerToken) {
        this.conference = conference;
        this.ticketTypes = List.copyOf(ticketTypes);
        this.organizerToken = organizerToken;
    }

    public UUID conference() {
        return conference;
    }

    public UUID ticketType(int i) {
        return ticketTypes.get(Math.floorMod(i, ticketTypes.size()));
    }

    public String organizerToken() {
        return organizerToken;
    }

    public void add(Attendee attendee) {
        attendees.add(attendee);
    }

    public Attendee attendee(int i) {
        return attendees.get(i);
    }

    public int size() {
        return attendees.size();
    }
}
