package dev.stowage.testing.aws;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where LocalStack's image ({@value LocalStackImage#IMAGE}) is already in the local Docker
 * Engine: no public registry is reachable here, so a pull would hang until it times out. Put it before
 * {@code @Testcontainers}, whose containers then start only where they can.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalStackImage.class)
public @interface WithLocalStack {}
