package io.lanyard.platform.directory;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import io.lanyard.platform.problems.NotRegisteredException;

/**
 * Takes the attendee's lock for an {@link UnderAttendeeLock} command before its handler runs, so before the handler
 * loads (and locks) an aggregate: attendee first, then aggregates, as everywhere; then, under the lock, refuses the
 * command ({@code not-registered}) unless the directory shows the registration active. For commands decided
 * together in one unit of work ({@code GroupCommitCommandBus}) the locks of every attendee in the batch are taken
 * before the first handler, in id order: the batch holds its aggregate from its first handler to its commit, and
 * never waits for an attendee's lock while holding it. Each command's registration is checked in its own turn, so a
 * refusal is its own caller's answer.
 */
public class AttendeeLocksFirst implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final AttendeeLocks locks;
    private final Attendees attendees;

    public AttendeeLocksFirst(AttendeeLocks locks, Attendees attendees) {
        this.locks = locks;
        this.attendees = attendees;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork instanceof BatchingUnitOfWork<? extends CommandMessage<?>> batch) {
            if (batch.isFirstMessage()) {
                batch.getMessages().stream()
                        .map(CommandMessage::getPayload)
                        .filter(UnderAttendeeLock.class::isInstance)
                        .map(command -> ((UnderAttendeeLock) command).attendeeId())
                        .distinct()
                        .sorted()
                        .forEach(locks::lock);
            }
        } else if (unitOfWork.getMessage().getPayload() instanceof UnderAttendeeLock command) {
            locks.lock(command.attendeeId());
        }
        if (unitOfWork.getMessage().getPayload() instanceof UnderAttendeeLock command
                && attendees.find(command.conferenceId(), command.attendeeId())
                .filter(Attendees.KnownAttendee::active).isEmpty()) {
            throw new NotRegisteredException(command.attendeeId());
        }
        return interceptorChain.proceed();
    }
}
