package dev.stowage.events.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * Lifts the stored JSON of {@code type} from schema version {@code fromVersion} to {@code fromVersion + 1}.
 * {@code lift} is pure: it receives a copy it may change and returns the lifted object.
 */
public record Upcaster(String type, int fromVersion, UnaryOperator<ObjectNode> lift) {}
