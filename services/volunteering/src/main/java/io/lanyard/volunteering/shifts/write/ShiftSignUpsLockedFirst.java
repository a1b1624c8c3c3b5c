package io.lanyard.volunteering.shifts.write;

import java.util.List;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import io.lanyard.platform.directory.AttendeeLocks;
import io.lanyard.platform.directory.CommitLocks;

/**
 * Sign-ups for one shift decided together ({@link ShiftMessages.SignUpForShift}, one unit of work and one
 * transaction) take every lock the batch needs before its first handler runs, in {@link ShiftSignUpLocks}' order.
 * Registered on the command bus by Axon's interceptor auto-configuration, as every handler interceptor bean.
 */
@Component
class ShiftSignUpsLockedFirst implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ShiftSignUpLocks locks;

    ShiftSignUpsLockedFirst(ErasedVolunteers erased, AttendeeLocks registrations, CommitLocks locks) {
        this.locks = new ShiftSignUpLocks(erased, registrations, locks);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork instanceof BatchingUnitOfWork<? extends CommandMessage<?>> batch && batch.isFirstMessage()) {
            List<ShiftMessages.SignUpForShift> signUps = batch.getMessages().stream()
                    .map(CommandMessage::getPayload)
                    .filter(ShiftMessages.SignUpForShift.class::isInstance)
                    .map(ShiftMessages.SignUpForShift.class::cast)
                    .toList();
            locks.lockAll(signUps);
        }
        return interceptorChain.proceed();
    }
}
