package dev.stowage.local.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One {@code {"Operation": …, "Request": {…}}} of a deployment file; {@code number} counts from 1. */
public record DeploymentEntry(int number, Operation operation, ObjectNode request) {}
