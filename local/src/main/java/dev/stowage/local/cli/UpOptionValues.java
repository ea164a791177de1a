package dev.stowage.local.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values {@code stowage up} refuses before it starts anything, each with the one line that says why. */
final class UpOptionValues {
    private UpOptionValues() {}

    /** {@code --port}: a whole number from 0 (a free port) to 65535. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException(
                    "--port must be a whole number from 1 to 65535, or 0 for a free port, not '" + value + "'");
        }
    }

    /** {@code --time-scale}: a positive finite number. */
    static final class TimeScale implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double scale = Double.parseDouble(value.strip());
                if (scale > 0 && Double.isFinite(scale)) {
                    return scale;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException(
                    "--time-scale must be a positive number (1 is real time, 60 runs a minute in a second), not '"
                            + value + "'");
        }
    }

    /** {@code --boot-delay}: a whole number of milliseconds, 0 or more. */
    static final class Milliseconds implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long millis = Long.parseLong(value.strip());
                if (millis >= 0) {
                    return millis;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException(
                    "--boot-delay must be a whole number of milliseconds, 0 or more, not '" + value + "'");
        }
    }
}
