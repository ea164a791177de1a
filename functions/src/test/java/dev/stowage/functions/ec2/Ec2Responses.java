package dev.stowage.functions.ec2;

import dev.stowage.testing.aws.CannedResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Canned EC2 and Elastic Load Balancing answers, shaped as the services send them (EC2 and AWS Query XML). */
final class Ec2Responses {
    private static final String EC2_NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

    private Ec2Responses() {}

    /** An instance as DescribeInstances lists it. */
    record Described(String ec2Id, String state, String stowageInstance) {}

    static CannedResponse describe(List<Described> instances, String nextToken) {
        String items = instances.stream()
                .map(i -> "<item><instanceId>" + i.ec2Id() + "</instanceId><instanceState><code>16</code><name>"
                        + i.state() + "</name></instanceState><tagSet><item><key>stowage-instance</key><value>"
                        + i.stowageInstance() + "</value></item></tagSet></item>")
                .collect(Collectors.joining());
        String reservations = instances.isEmpty()
                ? ""
                : "<item><reservationId>r-1</reservationId><ownerId>123456789012</ownerId><instancesSet>" + items
                        + "</instancesSet></item>";
        return CannedResponse.xml(
                200,
                "<DescribeInstancesResponse " + EC2_NS + "><requestId>d</requestId><reservationSet>" + reservations
                        + "</reservationSet>" + (nextToken.isEmpty() ? "" : "<nextToken>" + nextToken + "</nextToken>")
                        + "</DescribeInstancesResponse>");
    }

    /** One instance with these tags, as DescribeInstances with its id lists it. */
    static CannedResponse describeTagged(String ec2Id, Map<String, String> tags) {
        String tagSet = tags.entrySet().stream()
                .map(t -> "<item><key>" + t.getKey() + "</key><value>" + t.getValue() + "</value></item>")
                .collect(Collectors.joining());
        return CannedResponse.xml(
                200,
                "<DescribeInstancesResponse " + EC2_NS + "><requestId>d</requestId><reservationSet><item>"
                        + "<reservationId>r-1</reservationId><ownerId>123456789012</ownerId><instancesSet><item>"
                        + "<instanceId>" + ec2Id + "</instanceId><instanceState><code>16</code><name>running</name>"
                        + "</instanceState><tagSet>" + tagSet + "</tagSet></item></instancesSet></item>"
                        + "</reservationSet></DescribeInstancesResponse>");
    }

    /** A capacity reservation as DescribeCapacityReservations lists it. */
    record Reservation(String id, String instanceType, String zone, int available) {}

    static CannedResponse describeCapacityReservations(List<Reservation> reservations) {
        String items = reservations.stream()
                .map(r -> "<item><capacityReservationId>" + r.id() + "</capacityReservationId><instanceType>"
                        + r.instanceType() + "</instanceType><instancePlatform>Linux/UNIX</instancePlatform>"
                        + "<availabilityZone>" + r.zone() + "</availabilityZone><availableInstanceCount>"
                        + r.available() + "</availableInstanceCount><state>active</state></item>")
                .collect(Collectors.joining());
        return CannedResponse.xml(
                200,
                "<DescribeCapacityReservationsResponse " + EC2_NS + "><requestId>c</requestId>"
                        + "<capacityReservationSet>" + items + "</capacityReservationSet>"
                        + "</DescribeCapacityReservationsResponse>");
    }

    static CannedResponse runInstances(String ec2Id) {
        return CannedResponse.xml(
                200,
                "<RunInstancesResponse " + EC2_NS + "><requestId>r</requestId><reservationId>r-1</reservationId>"
                        + "<ownerId>123456789012</ownerId><instancesSet><item><instanceId>" + ec2Id
                        + "</instanceId><instanceState><code>0</code><name>pending</name></instanceState></item>"
                        + "</instancesSet></RunInstancesResponse>");
    }

    static CannedResponse terminateInstances(String ec2Id) {
        return CannedResponse.xml(
                200,
                "<TerminateInstancesResponse " + EC2_NS + "><requestId>t</requestId><instancesSet><item><instanceId>"
                        + ec2Id + "</instanceId><currentState><code>32</code><name>shutting-down</name></currentState>"
                        + "<previousState><code>16</code><name>running</name></previousState></item></instancesSet>"
                        + "</TerminateInstancesResponse>");
    }

    static CannedResponse ec2Error(int status, String code) {
        return CannedResponse.xml(
                status,
                "<Response><Errors><Error><Code>" + code + "</Code><Message>" + code + " here</Message></Error>"
                        + "</Errors><RequestID>e</RequestID></Response>");
    }

    static CannedResponse elb(String action) {
        return CannedResponse.xml(
                200,
                "<" + action + "Response xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"><"
                        + action + "Result/><ResponseMetadata><RequestId>l</RequestId></ResponseMetadata></" + action
                        + "Response>");
    }
}
