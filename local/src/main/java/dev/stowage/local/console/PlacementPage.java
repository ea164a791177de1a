package dev.stowage.local.console;

import dev.stowage.domain.fleet.FleetCopyRecord;
import dev.stowage.domain.fleet.FleetInstanceRecord;
import dev.stowage.domain.fleet.FleetState;
import dev.stowage.events.FleetEvent.Capacity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Local mode's page ({@code GET /stowage/}): every endpoint, and for each of its variants the placement map — one row
 * per instance, one cell per accelerator device naming the copy that holds it — then its inference components with
 * desired and serving copies, why copies are pending, and their invocations over the last minute. Plain HTML that
 * refreshes itself every two seconds; names are escaped.
 */
final class PlacementPage {
    /** An endpoint as the page shows it. */
    record Endpoint(String name, String status, List<Fleet> fleets) {}

    /** One variant's fleet and the components on it. */
    record Fleet(String variant, String instanceType, FleetState state, List<Component> components) {}

    /** An inference component with its counts and its invocations over the last minute. */
    record Component(String name, String status, int desired, int serving, double invocationsLastMinute) {}

    private PlacementPage() {}

    static String render(List<Endpoint> endpoints, Instant now) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\">")
                .append("<title>Stowage</title><style>")
                .append("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin:.5em 0}")
                .append("td,th{border:1px solid #bbb;padding:.25em .5em;font-size:90%}")
                .append(".free{color:#999}.SCHEDULED{background:#fff3c4}.LOADED{background:#d4f5d4}")
                .append(".REMOVING{background:#f5d4d4}</style></head><body>")
                .append("<h1>Stowage</h1><p>")
                .append(escape(now.toString()))
                .append("</p>");
        if (endpoints.isEmpty()) {
            html.append("<p>No endpoints yet.</p>");
        }
        for (Endpoint endpoint : endpoints) {
            html.append("<h2>")
                    .append(escape(endpoint.name()))
                    .append(" <small>")
                    .append(escape(endpoint.status()))
                    .append("</small></h2>");
            for (Fleet fleet : endpoint.fleets()) {
                fleet(html, fleet);
            }
        }
        return html.append("</body></html>").toString();
    }

    private static void fleet(StringBuilder html, Fleet fleet) {
        FleetState state = fleet.state();
        html.append("<h3>")
                .append(escape(fleet.variant()))
                .append(" on ")
                .append(escape(fleet.instanceType()))
                .append(
                        "</h3><table><tr><th>instance</th><th>status</th><th>devices</th><th>without devices</th></tr>");
        for (FleetInstanceRecord instance : state.instances().values()) {
            List<FleetCopyRecord> copies = state.copies().values().stream()
                    .filter(c -> c.instanceId().equals(instance.instanceId()))
                    .toList();
            html.append("<tr><td>")
                    .append(escape(instance.instanceId()))
                    .append("</td><td>")
                    .append(instance.status())
                    .append("</td><td>");
            int devices = instance.capacity().map(Capacity::acceleratorDevices).orElse(0);
            for (int device = 0; device < devices; device++) {
                int index = device;
                Optional<FleetCopyRecord> holder = copies.stream()
                        .filter(c -> c.deviceIndices().contains(index))
                        .findFirst();
                html.append(holder.map(PlacementPage::copyCell)
                        .orElse("<span class=\"free\">[" + device + " free]</span> "));
            }
            html.append("</td><td>");
            copies.stream().filter(c -> c.deviceIndices().isEmpty()).forEach(c -> html.append(copyCell(c)));
            html.append("</td></tr>");
        }
        html.append("</table><table><tr><th>inference component</th><th>status</th><th>desired</th><th>serving</th>")
                .append("<th>invocations, last minute</th><th>pending because</th></tr>");
        for (Component component : fleet.components()) {
            html.append("<tr><td>")
                    .append(escape(component.name()))
                    .append("</td><td>")
                    .append(escape(component.status()))
                    .append("</td><td>")
                    .append(component.desired())
                    .append("</td><td>")
                    .append(component.serving())
                    .append("</td><td>")
                    .append(Math.round(component.invocationsLastMinute()))
                    .append("</td><td>")
                    .append(escape(state.blocked().getOrDefault(component.name(), "")))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String copyCell(FleetCopyRecord copy) {
        return "<span class=\"" + copy.status() + "\" title=\"" + escape(copy.why()) + "\">["
                + escape(copy.deviceIndices().isEmpty() ? "" : copy.deviceIndices() + " ")
                + escape(copy.inferenceComponentName()) + " " + escape(copy.copyId()) + "]</span> ";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
