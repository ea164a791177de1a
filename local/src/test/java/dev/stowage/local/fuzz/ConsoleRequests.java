package dev.stowage.local.fuzz;

import java.net.URI;

/**
 * Local mode's console under {@code GET /stowage/} with odd queries: not an AWS API, so only held to answering
 * without a 5xx. Unsigned, as a browser sends them; never {@code follow=true}, which streams until the client leaves.
 */
final class ConsoleRequests {
    private static final String[] PATHS = {
        "/stowage",
        "/stowage/",
        "/stowage/metrics",
        "/stowage/logs",
        "/stowage/dashboards",
        "/stowage/dashboards/",
        "/stowage/fuzz",
        "/stowage/dashboards/" + Fixture.ENDPOINT
    };
    private static final String[] QUERIES = {
        "",
        "?name=Invocations",
        "?name=",
        "?period=abc",
        "?period=60&stat=p101",
        "?period=-1",
        "?period=1e400",
        "?period=60&stat=Sum&periods=99999999999",
        "?component=" + Fixture.COMPONENT + "&tail=-5",
        "?component=" + Fixture.MISSING,
        "?component=&copy=%zz",
        "?tail=abc&component=" + Fixture.COMPONENT,
        "?component=" + Fixture.COMPONENT + "&tail=99999999999999",
        "?%zz=1",
        "?period=0",
        "?stat=&period=60"
    };

    private final URI api;

    ConsoleRequests(URI api) {
        this.api = api;
    }

    FuzzRequest make(long index, Dice dice) {
        RequestDraft draft = new RequestDraft(index, "console", false, Wire.CONSOLE, api, "sagemaker");
        draft.method = "GET";
        draft.path = dice.pick(PATHS) + dice.pick(QUERIES);
        draft.fault = SigningFault.UNSIGNED;
        draft.signatureChecked = false;
        return draft.build(false);
    }
}
