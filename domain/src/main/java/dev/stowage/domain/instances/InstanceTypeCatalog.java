package dev.stowage.domain.instances;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance types Stowage supports: immutable, in catalog order (family by family, smallest size first), with
 * names unique.
 *
 * <p>{@link #standard()} is read from {@code instance-types.csv} on the classpath once, when this class loads.
 */
public final class InstanceTypeCatalog {
    private static final InstanceTypeCatalog STANDARD =
            new InstanceTypeCatalog(InstanceTypeCsv.readResource("/instance-types.csv"));

    private final Map<String, InstanceType> byName;

    private InstanceTypeCatalog(List<InstanceType> types) {
        Map<String, InstanceType> map = new LinkedHashMap<>();
        for (InstanceType type : types) {
            if (map.putIfAbsent(type.name(), type) != null) {
                throw new IllegalArgumentException(type.name() + " is listed twice.");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The catalog Stowage ships. */
    public static InstanceTypeCatalog standard() {
        return STANDARD;
    }

    /** A catalog of exactly these types, in this order (for tests and simulations). */
    public static InstanceTypeCatalog of(List<InstanceType> types) {
        return new InstanceTypeCatalog(List.copyOf(types));
    }

    /**
     * This catalog with only the types named, in this catalog's order.
     *
     * @throws IllegalArgumentException when a name is not in this catalog
     */
    public InstanceTypeCatalog restrictedTo(Collection<String> names) {
        for (String name : names) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(name + " is not an instance type Stowage supports.");
            }
        }
        return new InstanceTypeCatalog(
                all().stream().filter(type -> names.contains(type.name())).toList());
    }

    /** The type named {@code name} (for example {@code ml.g5.12xlarge}), if Stowage supports it. */
    public Optional<InstanceType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every type, in catalog order. */
    public List<InstanceType> all() {
        return List.copyOf(byName.values());
    }

    /** The families, in catalog order, for example {@code [g4dn, g5, ...]}. */
    public List<String> families() {
        return all().stream().map(InstanceType::family).distinct().toList();
    }

    /** The types of one family, smallest first; empty for an unknown family. */
    public List<InstanceType> family(String family) {
        List<InstanceType> members = new ArrayList<>();
        for (InstanceType type : byName.values()) {
            if (type.family().equals(family)) {
                members.add(type);
            }
        }
        return List.copyOf(members);
    }
}
