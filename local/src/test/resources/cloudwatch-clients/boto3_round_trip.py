"""CloudWatchClientsIT's boto3 client: puts metric data and an alarm, reads them back, prints what it saw as JSON.

Usage: boto3_round_trip.py ENDPOINT NAMESPACE [json|query]. With "query", botocore is given CloudWatch's model
with only the query protocol, as botocore had it before CloudWatch's JSON 1.0 (what older SDKs still send).
"""
import datetime
import json
import os
import sys
import tempfile

import botocore.loaders

endpoint, namespace, wire = sys.argv[1], sys.argv[2], sys.argv[3]
if wire == "query":
    model = botocore.loaders.Loader().load_service_model("cloudwatch", "service-2")
    model["metadata"]["protocol"] = "query"
    model["metadata"]["protocols"] = ["query"]
    data = tempfile.mkdtemp()
    folder = os.path.join(data, "cloudwatch", model["metadata"]["apiVersion"])
    os.makedirs(folder)
    with open(os.path.join(folder, "service-2.json"), "w") as out:
        json.dump(model, out)
    os.environ["AWS_DATA_PATH"] = data

import boto3  # noqa: E402 (after AWS_DATA_PATH)
from botocore.exceptions import ClientError  # noqa: E402

cw = boto3.session.Session().client("cloudwatch", endpoint_url=endpoint)
sent = []


def header(request, name):
    value = request.headers.get(name, "")
    return value.decode() if isinstance(value, bytes) else value


cw.meta.events.register(
    "before-send.cloudwatch",
    lambda request, **kw: sent.append([header(request, "Content-Type"), header(request, "Content-Encoding")]))

minute = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0) - datetime.timedelta(minutes=5)
service = [{"Name": "Service", "Value": "checkout"}]
cw.put_metric_data(Namespace=namespace, MetricData=[
    {"MetricName": "Latency", "Dimensions": service, "Value": 2.0, "Unit": "Milliseconds",
     "Timestamp": minute + datetime.timedelta(seconds=10)},
    {"MetricName": "Latency", "Dimensions": service, "Values": [3.0, 7.0], "Counts": [1.0, 2.0],
     "Unit": "Milliseconds", "Timestamp": minute + datetime.timedelta(seconds=20)},
    {"MetricName": "Latency", "Dimensions": service, "StatisticValues":
        {"SampleCount": 2.0, "Sum": 30.0, "Minimum": 10.0, "Maximum": 20.0},
     "Unit": "Milliseconds", "Timestamp": minute + datetime.timedelta(seconds=70)},
])
# Past botocore's 10 KB threshold the body goes gzipped.
cw.put_metric_data(Namespace=namespace, MetricData=[
    {"MetricName": "Bulk", "Value": 1.0, "Timestamp": minute + datetime.timedelta(seconds=i % 60),
     "Dimensions": [{"Name": "Padding", "Value": "x" * 40}]} for i in range(200)])

statistics = cw.get_metric_statistics(
    Namespace=namespace, MetricName="Latency", Dimensions=service, StartTime=minute,
    EndTime=minute + datetime.timedelta(minutes=2), Period=60, Statistics=["Sum", "SampleCount", "Maximum"])
bulk = cw.get_metric_statistics(
    Namespace=namespace, MetricName="Bulk", Dimensions=[{"Name": "Padding", "Value": "x" * 40}],
    StartTime=minute, EndTime=minute + datetime.timedelta(minutes=1), Period=60, Statistics=["SampleCount"])
data = cw.get_metric_data(
    MetricDataQueries=[{"Id": "sum", "MetricStat": {"Metric": {"Namespace": namespace, "MetricName": "Latency",
                                                              "Dimensions": service},
                                                   "Period": 60, "Stat": "Sum"}}],
    StartTime=minute, EndTime=minute + datetime.timedelta(minutes=2), ScanBy="TimestampAscending")
metrics = cw.list_metrics(Namespace=namespace)

alarm = namespace.replace("/", "-") + "-high"
cw.put_metric_alarm(
    AlarmName=alarm, AlarmDescription="latency & more", Namespace=namespace, MetricName="Latency",
    Dimensions=service, Statistic="Average", Period=60, EvaluationPeriods=3, DatapointsToAlarm=2, Threshold=5.0,
    ComparisonOperator="GreaterThanThreshold", TreatMissingData="notBreaching", ActionsEnabled=False)
described = cw.describe_alarms(AlarmNames=[alarm])
try:
    cw.get_metric_statistics(Namespace=namespace, MetricName="Latency", StartTime=minute,
                             EndTime=minute + datetime.timedelta(minutes=2), Period=61, Statistics=["Sum"])
    error = None
except ClientError as e:
    error = e.response["Error"]
cw.delete_alarms(AlarmNames=[alarm])
after = cw.describe_alarms(AlarmNames=[alarm])

print(json.dumps({
    "sent": sent,
    "minute": minute.isoformat(),
    "datapoints": sorted(statistics["Datapoints"], key=lambda d: d["Timestamp"]),
    "bulk": bulk["Datapoints"],
    "data": data["MetricDataResults"],
    "metrics": metrics["Metrics"],
    "alarms": described["MetricAlarms"],
    "error": error,
    "after": after["MetricAlarms"],
}, default=str))
