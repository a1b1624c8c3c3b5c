package io.lanyard.platform.personaldata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says of a component whose name looks personal ({@code name}, {@code email}, {@code subject} …) that it is not a
 * person's (a conference's name), so that {@link PersonalDataRules} lets it pass: a new event cannot hold a
 * person's name without someone having decided which of the two it is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface NotPersonalData {

    /** Whose it is, or why it is not personal. */
    String value();
}
