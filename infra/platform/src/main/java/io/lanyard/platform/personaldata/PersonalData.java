package io.lanyard.platform.personaldata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of a domain event (or a field of snapshotted aggregate state) that holds a person's data. It is
 * stored encrypted under the key of the person named by the {@link DataSubject} of the same or an enclosing
 * record; once that key is destroyed it reads as a placeholder ({@value PersonalFields#ERASED} for text, empty for
 * collections, null otherwise).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {
}
