package dev.stowage.local.fuzz;

/** What is wrong with a request's signature; anything but {@link #NONE} must be refused. */
enum SigningFault {
    NONE,
    /** No {@code Authorization} at all. */
    UNSIGNED,
    /** Signed, then given an {@code X-Amz-Target} the signature does not cover. */
    TARGET_NOT_SIGNED,
    /** Signed with another secret key. */
    WRONG_SECRET,
    /** Signed by an access key local mode does not know. */
    UNKNOWN_KEY,
    /** Scoped to another region. */
    WRONG_REGION,
    /** Scoped to another service's signing name. */
    WRONG_SERVICE,
    /** Dated an hour ago. */
    EXPIRED,
    /** The body changed after it was signed. */
    BODY_CHANGED,
    /** An {@code Authorization} header that does not parse. */
    GARBLED
}
