package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.IcTarget;
import dev.stowage.domain.placement.InstanceCapacity;
import dev.stowage.domain.placement.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Inference components to pack onto one instance shape, generated from a seed. */
public record Workload(long seed, String shapeName, InstanceCapacity shape, Map<String, IcTarget> targets) {
    public static final Map<String, InstanceCapacity> SHAPES = shapes();

    private static Map<String, InstanceCapacity> shapes() {
        Map<String, InstanceCapacity> shapes = new LinkedHashMap<>();
        shapes.put("4-GPU/48-core/188 GiB", InstanceCapacity.of(46, 4, 180 * 1024));
        shapes.put("8-GPU/96-core/1100 GiB", InstanceCapacity.of(94, 8, 1080 * 1024));
        shapes.put("1-GPU/4-core/14 GiB", InstanceCapacity.of(3.5, 1, 12 * 1024));
        shapes.put("CPU 16-core/60 GiB", InstanceCapacity.of(15, 0, 56 * 1024));
        return shapes;
    }

    /** {@code ics} components (1–4 copies each) on a shape chosen by the seed. */
    public static Workload generate(long seed, int ics) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>(SHAPES.keySet());
        String shapeName = names.get(random.nextInt(names.size()));
        Resources cap = SHAPES.get(shapeName).allocatable();
        Map<String, IcTarget> targets = new LinkedHashMap<>();
        for (int i = 0; i < ics; i++) {
            Resources demand =
                    cap.devices() > 0 && random.nextInt(10) < 7 ? accelerated(random, cap) : cpu(random, cap);
            targets.put("ic-" + i, new IcTarget(1 + random.nextInt(4), demand));
        }
        return new Workload(seed, shapeName, SHAPES.get(shapeName), targets);
    }

    /** 10–1,000 components. */
    public static Workload generate(long seed) {
        return generate(seed, 10 + new Random(~seed).nextInt(991));
    }

    /** Whole devices (3 and 8 now and then), with cores and memory per device from light to beyond its share. */
    private static Resources accelerated(Random random, Resources cap) {
        List<Integer> choices = List.of(1, 1, 1, 1, 2, 2, 3, 4, 8);
        int devices;
        do {
            devices = choices.get(random.nextInt(choices.size()));
        } while (devices > cap.devices());
        double perDevice = (double) devices / cap.devices();
        long milli = Math.round(cap.milliCores() * Math.min(1, perDevice * (0.1 + 1.1 * random.nextDouble())));
        long memory = Math.round(cap.memoryMib() * Math.min(1, perDevice * (0.2 + 1.2 * random.nextDouble())));
        return new Resources(Math.max(250, milli / 250 * 250), devices, memory);
    }

    /** CPU-only: up to 60% of an instance's cores and memory. */
    private static Resources cpu(Random random, Resources cap) {
        long milli = 250 * (1 + random.nextInt((int) Math.max(1, cap.milliCores() * 6 / 10 / 250)));
        long memory = 256 + random.nextLong(Math.max(1, cap.memoryMib() * 6 / 10));
        return new Resources(milli, 0, memory);
    }

    public int copies() {
        return targets.values().stream().mapToInt(IcTarget::desiredCopies).sum();
    }
}
