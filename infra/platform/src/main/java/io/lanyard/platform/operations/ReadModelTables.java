package io.lanyard.platform.operations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a read model (a {@code @ProcessingGroup} of event handlers) writes, and no other handler does. Naming
 * them is what lets an operator rebuild the read model from the event store: {@code POST
 * /admin/read-models/{processing group}/replay} empties exactly these tables and applies every stored event to the
 * group's handlers again. A read model without this annotation cannot be replayed. Tables filled from Kafka (a
 * replica of another service's facts) do not belong here: they are not in this service's event store. List the
 * tables in the order the handlers write them: the replay locks them in this order, as a command would, and empties
 * them in reverse, so a table may have a foreign key to one listed before it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReadModelTables {

    String[] value();
}
