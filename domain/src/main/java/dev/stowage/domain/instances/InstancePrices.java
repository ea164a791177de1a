package dev.stowage.domain.instances;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What an instance of each type costs an hour, on demand, in US dollars. {@link #standard()} is the list Stowage
 * ships ({@code instance-prices.csv}, read as {@link CsvRows}: a header {@code name,usd_per_hour}, then one row
 * per type); a simulation or a deployment may override some of them.
 */
public final class InstancePrices {
    static final String HEADER = "name,usd_per_hour";
    private static final InstancePrices STANDARD = new InstancePrices(readResource("/instance-prices.csv"));

    private final Map<String, Double> perHour;

    private InstancePrices(Map<String, Double> perHour) {
        this.perHour = Collections.unmodifiableMap(new LinkedHashMap<>(perHour));
    }

    /** The on-demand list prices Stowage ships, one for every type of {@link InstanceTypeCatalog#standard()}. */
    public static InstancePrices standard() {
        return STANDARD;
    }

    /** Prices read from a file in the shipped format; a bad line is named in the exception. */
    public static InstancePrices parse(String csv) {
        return new InstancePrices(read(csv));
    }

    /** These prices with each of {@code others} replacing or adding to them. */
    public InstancePrices overriddenBy(InstancePrices others) {
        Map<String, Double> merged = new LinkedHashMap<>(perHour);
        merged.putAll(others.perHour);
        return new InstancePrices(merged);
    }

    /** The hourly price of {@code instanceType}, if known. */
    public OptionalDouble find(String instanceType) {
        Double price = perHour.get(instanceType);
        return price == null ? OptionalDouble.empty() : OptionalDouble.of(price);
    }

    /** The hourly price of {@code instanceType}, 0 when unknown (a type placement invents in tests). */
    public double perHourOrZero(String instanceType) {
        return perHour.getOrDefault(instanceType, 0.0);
    }

    /** Every price, in file order. */
    public Map<String, Double> all() {
        return perHour;
    }

    private static Map<String, Double> readResource(String resource) {
        return read(CsvRows.resource(resource, "price list"));
    }

    private static Map<String, Double> read(String csv) {
        Map<String, Double> prices = new LinkedHashMap<>();
        for (CsvRows.Row row : CsvRows.parse(csv, HEADER, 2)) {
            String name = row.cells().get(0);
            if (prices.put(name, price(row.cells().get(1), row.lineNumber())) != null) {
                throw new IllegalArgumentException("Line " + row.lineNumber() + ": " + name + " is priced twice.");
            }
        }
        return prices;
    }

    private static double price(String cell, int lineNumber) {
        try {
            double price = Double.parseDouble(cell);
            if (!(price >= 0) || Double.isInfinite(price)) {
                throw new NumberFormatException();
            }
            return price;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Line " + lineNumber + ": \"" + cell + "\" is not a price in dollars per hour like 1.408.", e);
        }
    }
}
