package dev.stowage.local.fuzz;

import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.Shape;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A mutation of a query-protocol form: no {@code Action} or another {@code Version} (so it is no longer
 * CloudWatch's, and reaches the JSON APIs unsigned for them), an action CloudWatch lacks, a parameter that is not
 * URL-encoded, a list index that is not a number, an unknown or repeated parameter.
 *
 * @param description what it does
 * @param refused whether it alone makes the request one that must be refused
 * @param rerouted whether the request may now reach another handler than CloudWatch's
 * @param change the change to the form
 */
record QueryMutation(String description, boolean refused, boolean rerouted, UnaryOperator<String> change) {

    String apply(String form) {
        return change.apply(form);
    }

    static QueryMutation pick(Dice dice, ServiceModel model, String action, Shape.Structure input) {
        List<String> lists = input.members().entrySet().stream()
                .filter(m -> model.shape(m.getValue()) instanceof Shape.ListOf)
                .map(java.util.Map.Entry::getKey)
                .toList();
        return switch (dice.between(0, 7)) {
            case 0 -> new QueryMutation("without Action", true, true, f -> f.replace("Action=" + action + "&", ""));
            case 1 -> new QueryMutation("Version 2009-01-01", true, true, f -> f.replace("2010-08-01", "2009-01-01"));
            case 2 ->
                new QueryMutation(
                        "Action " + action.toLowerCase(),
                        true,
                        false,
                        f -> f.replace("Action=" + action + "&", "Action=" + action.toLowerCase() + "&"));
            case 3 -> new QueryMutation("a parameter not URL-encoded", true, true, f -> f + "&Fuzz=%zz");
            case 4 ->
                lists.isEmpty()
                        ? new QueryMutation("an unknown parameter", false, false, f -> f + "&FuzzUnknown=1")
                        : new QueryMutation(
                                "a list index that is not a number",
                                true,
                                false,
                                f -> f + "&" + dice.pick(lists) + ".member." + dice.pick("x", "99999999999", "1e3")
                                        + "=1");
            case 5 -> new QueryMutation("Action twice", false, false, f -> f + "&Action=Fuzz");
            case 6 -> new QueryMutation("an empty parameter name", false, false, f -> f + "&=1&&");
            default ->
                new QueryMutation("Action=Fuzz", true, false, f -> f.replace("Action=" + action + "&", "Action=Fuzz&"));
        };
    }
}
