package dev.stowage.infra;

import java.util.List;

/** The handler classes the stack deploys from the functions jar; a test checks each one exists there. */
public final class Handlers {
    public static final String API = "dev.stowage.functions.api.ApiHandler";
    public static final String VIEW_PROJECTOR = "dev.stowage.functions.projector.ViewProjectorHandler";
    public static final String PLACEMENT = "dev.stowage.functions.fleet.PlacementHandler";
    public static final String INSTANCES = "dev.stowage.functions.fleet.InstanceHandler";
    public static final String FLEET_TICK = "dev.stowage.functions.fleet.FleetTickHandler";
    public static final String DASHBOARDS = "dev.stowage.functions.dashboards.DashboardHandler";
    public static final String ALARM_STATE_CHANGE = "dev.stowage.functions.alarms.AlarmStateChangeHandler";
    public static final String STILL_IN_ALARM = "dev.stowage.functions.alarms.StillInAlarmHandler";

    /** The host's main class, run on every instance from the host jar. */
    public static final String HOST_MAIN = "dev.stowage.host.ec2.HostMain";

    private Handlers() {}

    public static List<String> functions() {
        return List.of(
                API, VIEW_PROJECTOR, PLACEMENT, INSTANCES, FLEET_TICK, DASHBOARDS, ALARM_STATE_CHANGE, STILL_IN_ALARM);
    }
}
