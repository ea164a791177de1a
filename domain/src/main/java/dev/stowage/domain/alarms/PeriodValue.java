package dev.stowage.domain.alarms;

import java.time.Instant;
import java.util.Optional;

/**
 * The statistic of one alarm period, starting at {@code start}; empty when no datapoint fell in the period (CloudWatch's
 * missing datapoint).
 */
public record PeriodValue(Instant start, Optional<Double> value) {

    public static PeriodValue of(Instant start, double value) {
        return new PeriodValue(start, Optional.of(value));
    }

    public static PeriodValue missing(Instant start) {
        return new PeriodValue(start, Optional.empty());
    }

    public boolean present() {
        return value.isPresent();
    }
}
