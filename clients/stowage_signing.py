"""Point boto3 and the AWS CLI at a deployed Stowage.

Stowage's REST API is IAM-authorized by API Gateway, which accepts SigV4 signatures scoped to the service name
``execute-api``; boto3 and the CLI sign SageMaker calls as ``sagemaker`` and Application Auto Scaling calls as
``application-autoscaling``. This module makes them sign as ``execute-api`` instead, for requests that go to
API Gateway (an ``execute-api`` host) or to any host that is not an AWS service endpoint (a custom domain, local
mode); requests to AWS itself are signed as before.

boto3::

    import stowage_signing
    sm = stowage_signing.client("sagemaker", endpoint_url="https://abc.execute-api.us-east-1.amazonaws.com/prod/")

AWS CLI (a plugin; v2 reads the folder from ``cli_legacy_plugin_path``, v1 from the ``PYTHONPATH``)::

    aws configure set plugins.stowage stowage_signing
    aws configure set plugins.cli_legacy_plugin_path /path/to/stowage/clients
    aws sagemaker list-inference-components --endpoint-url https://abc.execute-api.us-east-1.amazonaws.com/prod/
"""

from urllib.parse import urlsplit

SIGNING_NAME = "execute-api"
SERVICES = ("sagemaker", "sagemaker-runtime", "application-auto-scaling")


def goes_to_stowage(url):
    """Whether a request to ``url`` reaches Stowage rather than an AWS service endpoint."""
    host = urlsplit(url).hostname or ""
    aws = host.endswith(".amazonaws.com") or host.endswith(".amazonaws.com.cn")
    return ".execute-api." in host or not aws


def sign_as_execute_api(request, **kwargs):
    """A botocore ``before-sign`` handler: scope the signature of a request to Stowage to API Gateway."""
    if goes_to_stowage(request.url):
        request.context.setdefault("signing", {})["signing_name"] = SIGNING_NAME


def register(events):
    """Register the handler on a client's, a session's or the CLI's event system."""
    for service in SERVICES:
        events.register("before-sign." + service, sign_as_execute_api)


def client(service_name, endpoint_url, **kwargs):
    """A boto3 client of ``service_name`` that calls the deployed Stowage at ``endpoint_url``."""
    import boto3

    created = boto3.client(service_name, endpoint_url=endpoint_url, **kwargs)
    register(created.meta.events)
    return created


def awscli_initialize(cli):
    """The AWS CLI's plugin entry point."""
    register(cli)
