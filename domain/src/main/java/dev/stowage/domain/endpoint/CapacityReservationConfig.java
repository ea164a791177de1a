package dev.stowage.domain.endpoint;

/**
 * A variant's {@code CapacityReservationConfig}: new instances are launched only into the ML capacity reservation
 * {@code mlReservationArn} names (the one preference the service has, {@code capacity-reservations-only}). Locally it
 * is accepted and shown; on AWS the instance provider maps it to EC2 capacity reservations (ADR 27).
 */
public record CapacityReservationConfig(String preference, String mlReservationArn) {
    public static final String RESERVATIONS_ONLY = "capacity-reservations-only";
}
