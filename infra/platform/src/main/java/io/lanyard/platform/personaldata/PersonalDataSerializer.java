package io.lanyard.platform.personaldata;

import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.SecretKey;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event store's serializer with crypto-shredding: for a payload type with {@link PersonalData}, each marked
 * value is sealed under its subject's key in the JSON tree before it is stored, and opened when it is read; a
 * value whose key was destroyed reads as its placeholder. Values stored before this existed are plain JSON and
 * read as they are. Types without marks (most events, tokens, sagas) pass straight through.
 */
public class PersonalDataSerializer implements Serializer {

    private final Serializer delegate;
    private final Supplier<PersonalDataKeys> keys;
    private final FieldCipher cipher = new FieldCipher();
    private final ObjectMapper json = JsonMapper.builder().build();

    /** {@code keys} is looked up at first use: the serializer is built before the database is. */
    public PersonalDataSerializer(Serializer delegate, Supplier<PersonalDataKeys> keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    public Serializer delegate() {
        return delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || PersonalFields.of(object.getClass()).isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        PersonalFields shape = PersonalFields.of(object.getClass());
        SerializedObject<JsonNode> tree = delegate.serialize(object, JsonNode.class);
        JsonNode root = tree.getData();
        if (root instanceof ObjectNode node) {
            seal(node, shape, subjectOf(node, shape, null, object.getClass()));
        }
        return getConverter().convert(new SimpleSerializedObject<>(root, JsonNode.class, tree.getType()),
                expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        PersonalFields shape = shapeOf(serializedObject.getType());
        if (shape.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        // a copy: an upcaster's intermediate tree may be read again
        JsonNode root = getConverter().convert(serializedObject, JsonNode.class).getData().deepCopy();
        if (root instanceof ObjectNode node) {
            open(node, shape, subjectOf(node, shape, null, null));
        }
        return delegate.deserialize(new SimpleSerializedObject<>(root, JsonNode.class, serializedObject.getType()));
    }

    private PersonalFields shapeOf(SerializedType type) {
        if (SerializedType.emptyType().equals(type)) {
            return PersonalFields.of(Void.class);
        }
        try {
            return PersonalFields.of(delegate.classForType(type));
        } catch (RuntimeException unknown) {
            return PersonalFields.of(Void.class);
        }
    }

    private static String subjectOf(ObjectNode node, PersonalFields shape, String outer, Class<?> writing) {
        if (shape.subject().isEmpty()) {
            if (outer == null && writing != null && !shape.marked().isEmpty()) {
                throw new IllegalStateException(writing.getName() + " has @PersonalData but no @DataSubject");
            }
            return outer;
        }
        JsonNode subject = node.get(shape.subject().get());
        return subject == null || subject.isNull() ? outer : subject.asString();
    }

    private void seal(ObjectNode node, PersonalFields shape, String subject) {
        for (PersonalFields.Marked marked : shape.marked()) {
            JsonNode value = node.get(marked.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (subject == null) {
                throw new IllegalStateException("personal data without its subject in " + node.propertyNames());
            }
            Optional<SecretKey> key = keys.get().keyForWriting(subject);
            if (key.isPresent()) {
                node.put(marked.name(), cipher.seal(key.get(), subject, value.toString()));
            } else {
                placeholder(node, marked);
            }
        }
        eachNested(node, shape, subject, true);
    }

    private void open(ObjectNode node, PersonalFields shape, String subject) {
        for (PersonalFields.Marked marked : shape.marked()) {
            JsonNode value = node.get(marked.name());
            if (value == null || !value.isString() || !FieldCipher.isSealed(value.asString()) || subject == null) {
                continue; // stored in the clear before crypto-shredding, or nothing there
            }
            Optional<SecretKey> key = keys.get().keyForReading(subject);
            if (key.isEmpty()) {
                placeholder(node, marked);
                continue;
            }
            Optional<String> plain = cipher.open(key.get(), subject, value.asString());
            if (plain.isPresent()) {
                node.set(marked.name(), json.readTree(plain.get()));
            }
        }
        eachNested(node, shape, subject, false);
    }

    private void eachNested(ObjectNode node, PersonalFields shape, String subject, boolean sealing) {
        for (PersonalFields.Nested nested : shape.nested()) {
            JsonNode value = node.get(nested.name());
            if (value instanceof ArrayNode array) {
                for (JsonNode element : array.values()) {
                    visit(element, nested.shape(), subject, sealing);
                }
            } else if (nested.many() && value instanceof ObjectNode map) {
                // a map's values, each a record with its own marks
                for (JsonNode element : map.values()) {
                    visit(element, nested.shape(), subject, sealing);
                }
            } else if (value != null) {
                visit(value, nested.shape(), subject, sealing);
            }
        }
    }

    private void visit(JsonNode value, PersonalFields shape, String outer, boolean sealing) {
        if (value instanceof ObjectNode inner) {
            String subject = subjectOf(inner, shape, outer, null);
            if (sealing) {
                seal(inner, shape, subject);
            } else {
                open(inner, shape, subject);
            }
        }
    }

    private static void placeholder(ObjectNode node, PersonalFields.Marked marked) {
        switch (marked.placeholder()) {
            case TEXT -> node.put(marked.name(), PersonalFields.ERASED);
            case EMPTY_LIST -> node.putArray(marked.name());
            case EMPTY_OBJECT -> node.putObject(marked.name());
            case NULL -> node.putNull(marked.name());
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
