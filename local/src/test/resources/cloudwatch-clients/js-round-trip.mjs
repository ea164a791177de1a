// CloudWatchClientsIT's JS SDK v3 client: puts metric data and an alarm, reads them back, prints what it saw as JSON.
// Usage: node js-round-trip.mjs ENDPOINT NAMESPACE (credentials and region from the environment).
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricStatisticsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
} from "@aws-sdk/client-cloudwatch";

const [endpoint, namespace] = process.argv.slice(2);
const cw = new CloudWatchClient({ endpoint, maxAttempts: 1 });
const sent = [];
cw.middlewareStack.add(
  (next) => async (args) => {
    sent.push(args.request.headers["content-type"]);
    return next(args);
  },
  { step: "finalizeRequest" },
);

const minute = new Date(Math.floor(Date.now() / 60000) * 60000 - 5 * 60000);
const at = (seconds) => new Date(minute.getTime() + seconds * 1000);
const service = [{ Name: "Service", Value: "checkout" }];
await cw.send(new PutMetricDataCommand({
  Namespace: namespace,
  MetricData: [
    { MetricName: "Latency", Dimensions: service, Value: 2, Unit: "Milliseconds", Timestamp: at(10) },
    { MetricName: "Latency", Dimensions: service, Values: [3, 7], Counts: [1, 2], Unit: "Milliseconds", Timestamp: at(20) },
    { MetricName: "Latency", Dimensions: service, Value: 12, Unit: "Milliseconds", Timestamp: at(70) },
  ],
}));
const statistics = await cw.send(new GetMetricStatisticsCommand({
  Namespace: namespace, MetricName: "Latency", Dimensions: service, StartTime: minute, EndTime: at(120),
  Period: 60, Statistics: ["Sum", "SampleCount", "Maximum"],
}));
const alarm = namespace.replaceAll("/", "-") + "-high";
await cw.send(new PutMetricAlarmCommand({
  AlarmName: alarm, Namespace: namespace, MetricName: "Latency", Dimensions: service, Statistic: "Average",
  Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 5, ComparisonOperator: "GreaterThanThreshold",
}));
const described = await cw.send(new DescribeAlarmsCommand({ AlarmNames: [alarm] }));
let error = null;
try {
  await cw.send(new GetMetricStatisticsCommand({
    Namespace: namespace, MetricName: "Latency", StartTime: minute, EndTime: at(120), Period: 61, Statistics: ["Sum"],
  }));
} catch (e) {
  error = { name: e.name, code: e.Code ?? e.Error?.Code, message: e.message, status: e.$metadata?.httpStatusCode };
}
const datapoints = statistics.Datapoints
  .sort((a, b) => a.Timestamp - b.Timestamp)
  .map((d) => ({ ...d, Timestamp: d.Timestamp.toISOString() }));
const alarms = described.MetricAlarms.map((a) => ({
  ...a,
  AlarmConfigurationUpdatedTimestamp: a.AlarmConfigurationUpdatedTimestamp?.toISOString(),
  StateUpdatedTimestamp: a.StateUpdatedTimestamp?.toISOString(),
  StateTransitionedTimestamp: a.StateTransitionedTimestamp?.toISOString(),
}));
console.log(JSON.stringify({ sent, minute: minute.toISOString(), datapoints, alarms, error }));
