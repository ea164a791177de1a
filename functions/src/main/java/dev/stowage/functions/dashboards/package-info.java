/**
 * A CloudWatch dashboard per endpoint, made by the control plane (ADR 0017): {@link
 * dev.stowage.functions.dashboards.EndpointDashboard} renders the body from what the endpoint and its inference
 * components are now, the {@link dev.stowage.functions.dashboards.DashboardReactor} puts it (or deletes it once the
 * endpoint is gone) whenever one of their streams changes, behind the {@link
 * dev.stowage.functions.cloudwatch.Dashboards} port: CloudWatch on AWS, in memory in local mode.
 */
@NullMarked
package dev.stowage.functions.dashboards;

import org.jspecify.annotations.NullMarked;
