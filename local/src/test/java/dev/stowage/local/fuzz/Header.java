package dev.stowage.local.fuzz;

/** One header line of a request; a name may come more than once. */
record Header(String name, String value) {
    boolean named(String other) {
        return name.equalsIgnoreCase(other);
    }
}
