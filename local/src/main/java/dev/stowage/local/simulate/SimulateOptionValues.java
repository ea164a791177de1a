package dev.stowage.local.simulate;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values {@code stowage simulate} refuses before it reads anything, each with the one line that says why. */
final class SimulateOptionValues {
    static final double MAX_RATE_SCALE = 1000;
    static final int MAX_COMPRESS = 1_000_000;

    private SimulateOptionValues() {}

    /** {@code --rate-scale}: above 0, at most {@value #MAX_RATE_SCALE}. */
    static final class RateScale implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double scale = Double.parseDouble(value.strip());
                if (scale > 0 && scale <= MAX_RATE_SCALE) {
                    return scale;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException("--rate-scale must be a number above 0 and at most 1000 (0.01 keeps"
                    + " one request in a hundred), not '" + value + "'");
        }
    }

    /** {@code --compress}: a whole number from 1 to {@value #MAX_COMPRESS}. */
    static final class Compress implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int compress = Integer.parseInt(value.strip());
                if (compress >= 1 && compress <= MAX_COMPRESS) {
                    return compress;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException("--compress must be a whole number from 1 to " + MAX_COMPRESS
                    + " (60 runs an hour of trace in a minute), not '" + value + "'");
        }
    }

    /** {@code --seed}: any whole number that fits in 64 bits. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("--seed must be a whole number, not '" + value + "'");
            }
        }
    }

    /** {@code --workload KIND:PATH}. */
    static final class Source implements ITypeConverter<WorkloadSource> {
        @Override
        public WorkloadSource convert(String value) {
            try {
                return WorkloadSource.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
