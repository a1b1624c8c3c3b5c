package io.lanyard.platform.axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The class's fully qualified name is stored where no upcaster reads it (a deadline payload in db-scheduler's table,
 * say), so the class must keep its package and name while such rows may exist; the architecture rules let it stay
 * outside the one shape. Events and snapshots do not need this: {@link MovedTypes} reads their old names.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StoredName {

    /** Where the name is stored. */
    String value();
}
