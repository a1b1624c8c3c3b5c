package io.lanyard.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

import io.lanyard.platform.directory.Attendees.KnownAttendee;
import io.lanyard.platform.directory.Attendees.Status;
import io.lanyard.platform.problems.NotRegisteredException;

/** Attendee first, then aggregates: for one command, and for a batch before its first handler loads anything. */
class AttendeeLocksFirstTest {

    private static final UUID CONFERENCE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    record Request(UUID attendeeId) implements UnderAttendeeLock {
        @Override
        public UUID conferenceId() {
            return CONFERENCE;
        }
    }

    record Other(String anything) {
    }

    private final List<String> events = new ArrayList<>();
    private final AttendeeLocks locks = new AttendeeLocks(null) {
        @Override
        public void lock(UUID attendeeId) {
            events.add("lock " + attendeeId);
        }
    };
    /** Attendees the directory shows cancelled; everyone else is registered. */
    private final Set<UUID> cancelled = new HashSet<>();
    private final Attendees attendees = new Attendees(null, null, null) {
        @Override
        public Optional<KnownAttendee> find(UUID conferenceId, UUID attendeeId) {
            events.add("check " + attendeeId);
            return Optional.of(new KnownAttendee(attendeeId, conferenceId, "someone", "Someone",
                    cancelled.contains(attendeeId) ? Status.CANCELLED : Status.REGISTERED));
        }
    };
    private final AttendeeLocksFirst interceptor = new AttendeeLocksFirst(locks, attendees);

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-0000-0000-00000000000" + n);
    }

    @Test
    void a_batch_takes_every_attendees_lock_in_id_order_before_its_first_handler() {
        List<CommandMessage<?>> batch = List.of(
                GenericCommandMessage.asCommandMessage(new Request(id(3))),
                GenericCommandMessage.asCommandMessage(new Other("x")),
                GenericCommandMessage.asCommandMessage(new Request(id(1))),
                GenericCommandMessage.asCommandMessage(new Request(id(3))),
                GenericCommandMessage.asCommandMessage(new Request(id(2))));
        BatchingUnitOfWork<CommandMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(interceptor),
                        message -> events.add("handle " + message.getPayload())).proceed(),
                RollbackConfigurationType.UNCHECKED_EXCEPTIONS);

        assertThat(events).containsExactly("lock " + id(1), "lock " + id(2), "lock " + id(3),
                "check " + id(3), "handle " + new Request(id(3)), "handle " + new Other("x"),
                "check " + id(1), "handle " + new Request(id(1)), "check " + id(3), "handle " + new Request(id(3)),
                "check " + id(2), "handle " + new Request(id(2)));
    }

    @Test
    void a_command_for_an_attendee_whose_registration_was_cancelled_is_refused_under_the_lock_as_its_own_answer() {
        cancelled.add(id(2));
        List<CommandMessage<?>> batch = List.of(
                GenericCommandMessage.asCommandMessage(new Request(id(2))),
                GenericCommandMessage.asCommandMessage(new Request(id(1))));
        BatchingUnitOfWork<CommandMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        List<Object> answers = new ArrayList<>();
        unitOfWork.executeWithResult(() -> {
            try {
                Object answer = new DefaultInterceptorChain<>(unitOfWork, List.of(interceptor),
                        message -> events.add("handle " + message.getPayload())).proceed();
                answers.add(answer);
                return answer;
            } catch (NotRegisteredException e) {
                answers.add(e.getClass().getSimpleName());
                throw e;
            }
        }, RollbackConfigurationType.UNCHECKED_EXCEPTIONS);

        assertThat(answers).containsExactly("NotRegisteredException", true);
        assertThat(events).containsExactly("lock " + id(1), "lock " + id(2), "check " + id(2), "check " + id(1),
                "handle " + new Request(id(1)));
        assertThat(unitOfWork.isRolledBack()).as("a refusal rolls nothing back").isFalse();
    }

    @Test
    void a_command_alone_takes_its_attendees_lock_before_its_handler_and_others_take_none() {
        for (Object command : List.of(new Request(id(4)), new Other("y"))) {
            DefaultUnitOfWork<CommandMessage<?>> unitOfWork =
                    DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
            unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(interceptor),
                    message -> events.add("handle " + message.getPayload())).proceed());
        }
        assertThat(events).containsExactly("lock " + id(4), "check " + id(4), "handle " + new Request(id(4)),
                "handle " + new Other("y"));
    }
}
