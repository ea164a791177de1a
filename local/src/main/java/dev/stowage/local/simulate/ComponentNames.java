package dev.stowage.local.simulate;

import java.nio.file.Path;

/** The inference component a trace file stands for, named from the file as issue 16 says. */
final class ComponentNames {
    private ComponentNames() {}

    /** The file name without its extension, every run of other characters than letters and digits a hyphen. */
    static String fromFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return hyphenated(stem);
    }

    private static String hyphenated(String name) {
        return name.replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** ServeGen's {@code <model folder>-<file stem>}, e.g. {@code m-large-chunk-12-trace}. */
    static String fromServeGenFile(Path file) {
        return hyphenated(file.getParent().getFileName().toString()) + "-" + fromFile(file);
    }
}
