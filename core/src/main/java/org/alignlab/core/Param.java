package org.alignlab.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents a config record component and bounds it. Overrides from the command line are checked against
 * {@link #min()} and {@link #max()} (inclusive) and, for strings, against {@link #choices()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Param {
    /** What the parameter means, in one sentence. */
    String value();

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /** Allowed values of a string parameter; empty means any. */
    String[] choices() default {};
}
