package dev.stowage.functions.api;

import dev.stowage.domain.CommandRejected;
import dev.stowage.wire.protocol.WireError;

/** How a domain rejection goes on the wire of each service. */
final class ErrorCodes {
    private ErrorCodes() {}

    /** SageMaker answers not-found with a {@code ValidationException}; clients and waiters match on its text. */
    static WireError sageMaker(CommandRejected rejected) {
        String code =
                switch (rejected.kind()) {
                    case VALIDATION, NOT_FOUND -> "ValidationException";
                    case RESOURCE_IN_USE -> "ResourceInUse";
                    case RESOURCE_LIMIT_EXCEEDED -> "ResourceLimitExceeded";
                    case CONFLICT -> "ConflictException";
                };
        return new WireError(code, rejected.getMessage(), 400);
    }
}
