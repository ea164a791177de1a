package dev.stowage.functions.dashboards;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The parts every widget of a dashboard body has, and {@code text} widgets. */
final class Widgets {
    /** A dashboard is 24 grid units wide. */
    static final int WIDTH = 24;

    private Widgets() {}

    /** A widget of {@code type} at {@code (x, y)} of {@code width} × {@code height} grid units, without properties. */
    static ObjectNode placed(String type, int x, int y, int width, int height) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("type", type)
                .put("x", x)
                .put("y", y)
                .put("width", width)
                .put("height", height);
    }

    /** A {@code text} widget across the dashboard showing {@code markdown}. */
    static ObjectNode text(int y, int height, String markdown) {
        ObjectNode widget = placed("text", 0, y, WIDTH, height);
        widget.putObject("properties").put("markdown", markdown);
        return widget;
    }
}
