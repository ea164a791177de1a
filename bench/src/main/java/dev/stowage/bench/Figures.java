package dev.stowage.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What one benchmark run measured, filled in as it goes. */
final class Figures {
    /** One measured run: its load and what the probe saw meanwhile, per operation. */
    record Run(Load.Result load, Map<String, Probe.Totals> probe) {}

    /** Baseline runs, one per thread count of {@link ControlPlaneBenchmark#THREADS}. */
    final List<Run> raw = new ArrayList<>();

    /** Create + Describe runs, one per thread count. */
    final List<Run> pairs = new ArrayList<>();

    /** ListInferenceComponents and DescribeEndpoint from one client. */
    @Nullable
    Run others;

    long warmUpPairs;

    /** Inference components on the endpoint when the other operations ran. */
    long inferenceComponents;
}
