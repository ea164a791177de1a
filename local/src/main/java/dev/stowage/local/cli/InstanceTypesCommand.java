package dev.stowage.local.cli;

import dev.stowage.domain.instances.InstanceType;
import dev.stowage.domain.instances.InstanceTypeCatalog;
import dev.stowage.domain.instances.InstanceTypeTable;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stowage instance-types [TYPE]}: the supported instance types, and what a copy can use of each. */
@Command(
        name = "instance-types",
        description = "List the supported instance types with their allocatable share, or describe one.")
public final class InstanceTypesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TYPE", description = "An instance type, e.g. ml.g5.12xlarge.")
    @Nullable
    String type;

    @Override
    public Integer call() {
        InstanceTypeCatalog catalog = InstanceTypeCatalog.standard();
        if (type == null) {
            print(InstanceTypeTable.table(catalog.all()));
            return 0;
        }
        Optional<InstanceType> found = catalog.find(type);
        if (found.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("stowage: instance type " + type + " is not supported;"
                            + " run 'stowage instance-types' for the list.");
            return 2;
        }
        print(InstanceTypeTable.detail(found.get()));
        return 0;
    }

    private void print(String text) {
        var out = spec.commandLine().getOut();
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }
}
