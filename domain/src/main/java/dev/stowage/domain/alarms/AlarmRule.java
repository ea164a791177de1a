package dev.stowage.domain.alarms;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A composite alarm's {@code AlarmRule}: {@code ALARM(name)}, {@code OK(name)} and {@code INSUFFICIENT_DATA(name)}
 * (the name bare or in double quotes, or the alarm's ARN), {@code TRUE}, {@code FALSE}, {@code NOT}, {@code AND},
 * {@code OR} and parentheses, with {@code NOT} binding tighter than {@code AND}, and {@code AND} than {@code OR}.
 * {@link #parse} refuses anything else with CloudWatch's wording ({@code Error in AlarmRule [Unsupported token …]}).
 */
public final class AlarmRule {
    private sealed interface Node {}

    private record Constant(boolean value) implements Node {}

    private record InState(AlarmState state, String alarm) implements Node {}

    private record Not(Node operand) implements Node {}

    private record Both(Node left, Node right) implements Node {}

    private record Either(Node left, Node right) implements Node {}

    private final String text;
    private final Node root;
    private final Set<String> alarms;

    private AlarmRule(String text, Node root, Set<String> alarms) {
        this.text = text;
        this.root = root;
        this.alarms = Set.copyOf(alarms);
    }

    /** The rule {@code text} means; alarm ARNs are reduced to names. */
    public static AlarmRule parse(String text) {
        Parser parser = new Parser(text);
        Node root = parser.or();
        parser.skipSpaces();
        if (parser.at < text.length()) {
            throw parser.unsupported();
        }
        return new AlarmRule(text, root, parser.alarms);
    }

    /** The names of the alarms the rule looks at. */
    public Set<String> alarms() {
        return alarms;
    }

    /** Whether the rule holds when each alarm is in the state {@code states} gives (none: not in any state). */
    public boolean holds(Function<String, Optional<AlarmState>> states) {
        return holds(root, states);
    }

    private static boolean holds(Node node, Function<String, Optional<AlarmState>> states) {
        return switch (node) {
            case Constant constant -> constant.value();
            case InState in ->
                states.apply(in.alarm()).filter(in.state()::equals).isPresent();
            case Not not -> !holds(not.operand(), states);
            case Both both -> holds(both.left(), states) && holds(both.right(), states);
            case Either either -> holds(either.left(), states) || holds(either.right(), states);
        };
    }

    @Override
    public String toString() {
        return text;
    }

    /** Recursive descent over the rule's text. */
    private static final class Parser {
        private final String text;
        private final Set<String> alarms = new LinkedHashSet<>();
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node or() {
            Node left = and();
            while (keyword("OR")) {
                left = new Either(left, and());
            }
            return left;
        }

        Node and() {
            Node left = not();
            while (keyword("AND")) {
                left = new Both(left, not());
            }
            return left;
        }

        Node not() {
            return keyword("NOT") ? new Not(not()) : primary();
        }

        Node primary() {
            skipSpaces();
            if (symbol('(')) {
                Node inner = or();
                if (!symbol(')')) {
                    throw unsupported();
                }
                return inner;
            }
            if (keyword("TRUE")) {
                return new Constant(true);
            }
            if (keyword("FALSE")) {
                return new Constant(false);
            }
            for (AlarmState state : List.of(AlarmState.INSUFFICIENT_DATA, AlarmState.ALARM, AlarmState.OK)) {
                if (keyword(state.name())) {
                    if (!symbol('(')) {
                        throw unsupported();
                    }
                    String alarm = name();
                    if (!symbol(')')) {
                        throw unsupported();
                    }
                    alarms.add(alarm);
                    return new InState(state, alarm);
                }
            }
            throw unsupported();
        }

        /** An alarm's name or ARN, bare or quoted; an ARN becomes the name it ends with. */
        private String name() {
            skipSpaces();
            int start = at;
            String name;
            if (at < text.length() && text.charAt(at) == '"') {
                int end = text.indexOf('"', at + 1);
                if (end < 0) {
                    throw unsupported();
                }
                name = text.substring(at + 1, end);
                at = end + 1;
            } else {
                while (at < text.length() && text.charAt(at) != ')' && !Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                name = text.substring(start, at);
            }
            if (name.isEmpty()) {
                at = start;
                throw unsupported();
            }
            int arn = name.startsWith("arn:") ? name.indexOf(":alarm:") : -1;
            return arn >= 0 ? name.substring(arn + ":alarm:".length()) : name;
        }

        private boolean keyword(String word) {
            skipSpaces();
            int end = at + word.length();
            boolean matches = text.startsWith(word, at)
                    && (end == text.length()
                            || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_');
            if (matches) {
                at = end;
            }
            return matches;
        }

        private boolean symbol(char c) {
            skipSpaces();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        IllegalArgumentException unsupported() {
            if (at >= text.length()) {
                return new IllegalArgumentException("Error in AlarmRule [Unexpected end of rule at char " + at + "]");
            }
            int end = at + 1;
            while (end < text.length()
                    && Character.isLetterOrDigit(text.charAt(end))
                    && Character.isLetterOrDigit(text.charAt(at))) {
                end++;
            }
            return new IllegalArgumentException(
                    "Error in AlarmRule [Unsupported token '" + text.substring(at, end) + "' at char " + at + "]");
        }
    }
}
