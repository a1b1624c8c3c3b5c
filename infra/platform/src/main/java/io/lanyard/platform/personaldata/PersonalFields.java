package io.lanyard.platform.personaldata;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a type keeps personal data, read once per type from its {@link PersonalData} and {@link DataSubject}
 * marks: the marked fields, the field naming their subject, and the nested records (alone or in collections) that
 * have marked fields of their own. JSON property names are the Java field names, as the Lanyard serializer writes
 * records and field-visible aggregates.
 */
public final class PersonalFields {

    /** What an erased text reads as. */
    public static final String ERASED = "(erased)";

    private static final Map<Class<?>, PersonalFields> SHAPES = new ConcurrentHashMap<>();
    private static final PersonalFields NONE = new PersonalFields(null, List.of(), List.of());

    /** What a marked field reads as once its key is gone. */
    public enum Placeholder { TEXT, EMPTY_LIST, EMPTY_OBJECT, NULL }

    record Marked(String name, Placeholder placeholder) {
    }

    record Nested(String name, PersonalFields shape, boolean many) {
    }

    private final String subject;
    private final List<Marked> marked;
    private final List<Nested> nested;

    private PersonalFields(String subject, List<Marked> marked, List<Nested> nested) {
        this.subject = subject;
        this.marked = marked;
        this.nested = nested;
    }

    /**
     * Whether a subject is an erased one: no caller is ever the person behind it, whatever their token's
     * {@code sub} says.
     */
    public static boolean isErased(String subject) {
        return subject != null && subject.startsWith(ERASED);
    }

    /** The shape of {@code type}; empty for the many types that hold no personal data. */
    public static PersonalFields of(Class<?> type) {
        PersonalFields known = SHAPES.get(type);
        if (known != null) {
            return known;
        }
        PersonalFields shape = read(type, new ArrayList<>());
        SHAPES.putIfAbsent(type, shape);
        return shape;
    }

    public boolean isEmpty() {
        return marked.isEmpty() && nested.isEmpty();
    }

    /** The field naming the subject, if this type names one itself. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    List<Marked> marked() {
        return marked;
    }

    List<Nested> nested() {
        return nested;
    }

    private static PersonalFields read(Class<?> type, List<Class<?>> visiting) {
        if (ignored(type) || visiting.contains(type)) {
            return NONE;
        }
        visiting.add(type);
        String subject = null;
        List<Marked> marked = new ArrayList<>();
        List<Nested> nested = new ArrayList<>();
        for (Field field : fields(type)) {
            if (field.isAnnotationPresent(DataSubject.class)) {
                subject = field.getName();
            }
            if (field.isAnnotationPresent(PersonalData.class)) {
                marked.add(new Marked(field.getName(), placeholder(field.getType())));
                continue;
            }
            Class<?> element = elementType(field);
            if (element != null) {
                PersonalFields inner = read(element, visiting);
                if (!inner.isEmpty()) {
                    nested.add(new Nested(field.getName(), inner, element != field.getType()));
                }
            }
        }
        visiting.remove(type);
        if (marked.isEmpty() && nested.isEmpty()) {
            return NONE;
        }
        return new PersonalFields(subject, List.copyOf(marked), List.copyOf(nested));
    }

    /** Instance fields of the type and its superclasses, as Jackson sees them. */
    static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static boolean ignored(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type.isArray() || type.getName().startsWith("java.")
                || type.getName().startsWith("javax.") || type.getName().startsWith("org.axonframework.");
    }

    /**
     * The field's own type, the element type of a collection field, or the value type of a map field (state kept
     * by id, as a dinner keeps its tickets); null where none of them can hold a record.
     */
    private static Class<?> elementType(Field field) {
        if (Collection.class.isAssignableFrom(field.getType())) {
            return typeArgument(field, 0);
        }
        if (Map.class.isAssignableFrom(field.getType())) {
            return typeArgument(field, 1);
        }
        return ignored(field.getType()) ? null : field.getType();
    }

    private static Class<?> typeArgument(Field field, int index) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[index] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static Placeholder placeholder(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return Placeholder.TEXT;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Placeholder.EMPTY_LIST;
        }
        if (Map.class.isAssignableFrom(type)) {
            return Placeholder.EMPTY_OBJECT;
        }
        return Placeholder.NULL;
    }
}
