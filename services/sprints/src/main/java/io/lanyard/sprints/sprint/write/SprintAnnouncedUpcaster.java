package io.lanyard.sprints.sprint.write;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@link SprintAnnounced} stored before revision 2 (no revision) as revision 2: {@code capacity} becomes
 * {@code seatsPerDay}, with the same value, since a sprint's capacity was always per day. Declared as a bean, Axon
 * puts it into the event storage engine's upcaster chain, so the aggregate, the read models and the publisher all
 * see revision 2 only. It runs after {@link MovedSprintTypes}, so it matches the class's name as it is now, also for
 * a row stored under the name of the package the class had then.
 */
@Component
class SprintAnnouncedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(SprintAnnounced.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(SprintAnnounced.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, SprintAnnouncedUpcaster::renameCapacity);
    }

    private static ObjectNode renameCapacity(ObjectNode revision1) {
        ObjectNode revision2 = revision1.deepCopy();
        revision2.set("seatsPerDay", revision2.remove("capacity"));
        return revision2;
    }
}
