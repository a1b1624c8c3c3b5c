package io.lanyard.platform.personaldata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The component naming whose {@link PersonalData} a record holds (an attendee's id). It is stored in plain text:
 * it is the handle by which the person's key is found and destroyed, and carries nothing of them once it is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface DataSubject {
}
