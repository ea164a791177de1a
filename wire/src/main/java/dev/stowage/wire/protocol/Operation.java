package dev.stowage.wire.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a service model.
 *
 * @param name the operation name as in {@code X-Amz-Target}, e.g. {@code CreateInferenceComponent}
 * @param input the input structure's shape name, or {@code null} when the operation takes none
 * @param output the output structure's shape name, or {@code null}
 * @param errors the modeled error shapes
 */
public record Operation(String name, @Nullable String input, @Nullable String output, List<String> errors) {}
