package io.jenkins.plugins.casc.misc;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.Test;

/** Signature stub of the JCasC test harness (io.jenkins.configuration-as-code:test-harness); compile only. */
@Target({METHOD, FIELD})
@Retention(RUNTIME)
public @interface ConfiguredWithCode {
    String[] value();

    Class<? extends Throwable> expected() default Test.None.class;

    String message() default "";
}
