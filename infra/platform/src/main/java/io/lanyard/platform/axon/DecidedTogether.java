package io.lanyard.platform.axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command that may be decided in one unit of work, one transaction and one commit with the other commands
 * waiting for the same aggregate ({@link GroupCommitCommandBus}). For commands to hot aggregates (a quota segment in
 * a ticket rush, a shift everyone wants), whose handler loads its target aggregate and whatever else it touches by
 * locks taken in the handler itself, so that nothing the caller holds is needed by a handler run on another
 * caller's thread. The command needs a {@code @TargetAggregateIdentifier}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DecidedTogether {
}
