#!/usr/bin/env python3
"""Creates and deletes the CloudFormation stacks of one environment on a moto_server, in one
process (boto3): the work of cloudformation_deploy_moto.sh once the templates are generated.

  cfn_deploy.py ENDPOINT DIR ENVIRONMENT GAPS

DIR is a target's cloudformation folder (templates and params/ENVIRONMENT.json); GAPS lists the
types moto does not model (moto_cloudformation_gaps.tsv). Stacks are created network, app,
pipeline, then every service, job and instance group stack; each must reach CREATE_COMPLETE with every resource
its conditions ask for (a missing one of a gap type is named as a gap); then they are deleted in
reverse order. One process instead of an `aws` command per call: each of those starts botocore
again, which was most of the test's CPU time.
"""
import glob
import io
import json
import os
import sys
import time
from contextlib import redirect_stderr, redirect_stdout

import boto3
import botocore.exceptions

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cfn_stack_tool  # noqa: E402  (beside this file)

def client(endpoint, service):
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def wait_for(cloudformation, name, done, failed_states=(), timeout=300):
    """Polls the stack until its status is in `done` (or ends otherwise); the last status."""
    deadline = time.monotonic() + timeout
    delay = 0.2
    while True:
        try:
            stacks = cloudformation.describe_stacks(StackName=name)["Stacks"]
        except botocore.exceptions.ClientError:
            return "DELETE_COMPLETE"  # a deleted stack is no longer described by name
        state = stacks[0]["StackStatus"] if stacks else "DELETE_COMPLETE"
        if state in done or state in failed_states or not state.endswith("_IN_PROGRESS"):
            return state
        if time.monotonic() > deadline:
            return state
        time.sleep(delay)
        delay = min(delay * 2, 2.0)


def captured(function, *args):
    """Runs a cfn_stack_tool function, returning (result, what it printed to stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        result = function(*args)
    return result, out.getvalue(), err.getvalue()


def stack_list(folder, params):
    stacks = []
    # An environment that reuses an existing VPC has no network stack.
    if os.path.isfile(os.path.join(folder, "network.json")) and '"VpcCidr"' in open(params).read():
        stacks.append("network")
    # ec2-compose without services, data stores or load balancers has no app stack.
    if os.path.isfile(os.path.join(folder, "app.json")):
        stacks.append("app")
    if os.path.isfile(os.path.join(folder, "pipeline.json")):
        stacks.append("pipeline")
    # ec2-compose has a stack per instance group (group-*.json) instead of one per workload.
    for pattern in ("service-*.json", "job-*.json", "group-*.json"):
        for template in sorted(glob.glob(os.path.join(folder, pattern))):
            stacks.append(os.path.basename(template)[:-len(".json")])
    # eks: the node groups last, as their nodes carry every service stack's security group.
    if os.path.isfile(os.path.join(folder, "nodes.json")):
        stacks.append("nodes")
    return stacks


def attempt(call, **arguments):
    """Calls `call`; a client error (the resource already gone) is no failure here."""
    try:
        call(**arguments)
    except botocore.exceptions.ClientError:
        pass


def before_delete(stack, prefix, endpoint):
    """The emulator's gaps that block a stack's deletion, worked around as AWS would not need."""
    ec2 = client(endpoint, "ec2")
    if stack == "network":
        # moto deletes a NAT gateway but keeps its network interface, which then blocks deleting
        # the VPC; remove those interfaces the way AWS does.
        for gateway in ec2.describe_nat_gateways()["NatGateways"]:
            for address in gateway.get("NatGatewayAddresses", []):
                eni = address.get("NetworkInterfaceId")
                if not eni:
                    continue
                print(f"  gap  NAT gateway interface {eni} deleted by the test "
                      "(moto keeps it after the NAT gateway)")
                attempt(ec2.delete_network_interface, NetworkInterfaceId=eni)
        # moto's delete-stack does not delete AWS::EC2::RouteTable resources, which then keep
        # the VPC; delete the VPC's own (not main) route tables first.
        cloudformation = client(endpoint, "cloudformation")
        outputs = cloudformation.describe_stacks(StackName=f"{prefix}-network")["Stacks"][0].get("Outputs", [])
        vpc = next((o["OutputValue"] for o in outputs if o["OutputKey"] == "VpcId"), None)
        if vpc:
            tables = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["RouteTables"]
            for table in tables:
                if any(a.get("Main") for a in table.get("Associations", [])):
                    continue
                print(f"  gap  route table {table['RouteTableId']} deleted by the test "
                      "(moto's delete-stack keeps it)")
                attempt(ec2.delete_route_table, RouteTableId=table["RouteTableId"])
    if stack == "app":
        # moto deletes a stack's resources in no particular order, and a read replica deleted
        # after its source fails half-way (DBInstanceNotFound), keeping the stack. Promoted
        # first, a replica deletes in either order, as CloudFormation's dependency order would.
        rds = client(endpoint, "rds")
        for instance in rds.describe_db_instances()["DBInstances"]:
            if instance.get("ReadReplicaSourceDBInstanceIdentifier"):
                replica = instance["DBInstanceIdentifier"]
                print(f"  gap  read replica {replica} promoted by the test "
                      "(moto deletes it after its source)")
                attempt(rds.promote_read_replica, DBInstanceIdentifier=replica)


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    endpoint, folder, environment, gaps = argv[1:]
    params = os.path.join(folder, "params", f"{environment}.json")
    values = {p["ParameterKey"]: p["ParameterValue"] for p in cfn_stack_tool.load(params)}
    app = values["AppStack"]
    prefix = app[:-len("-app")] if app.endswith("-app") else app
    cloudformation = client(endpoint, "cloudformation")

    # Values known only at deploy time: the image tag and the hosted zone id of the domain.
    extra = ["ImageTag=test"]
    placeholders = []
    domain = values.get("DomainName", "")
    if domain:
        zone = domain.split(".", 1)[1] if "." in domain else domain
        zone_id = client(endpoint, "route53").create_hosted_zone(
            Name=zone, CallerReference="conformance")["HostedZone"]["Id"]
        extra.append("DomainZoneId=" + zone_id.rsplit("/", 1)[-1])
        # moto does not create the certificate from the template, but its load balancer wants one.
        certificate = client(endpoint, "acm").request_certificate(DomainName=domain)["CertificateArn"]
        placeholders.append("Certificate=" + certificate)

    tags = [{"Key": "app", "Value": prefix.rsplit("-", 1)[0]},
            {"Key": "environment", "Value": environment},
            {"Key": "managed-by", "Value": "infragen"}]
    status = 0
    created = []
    for stack in stack_list(folder, params):
        name = f"{prefix}-{stack}"
        template_path = os.path.join(folder, f"{stack}.json")
        try:
            parameters = cfn_stack_tool.select_parameters(cfn_stack_tool.load(template_path), params, extra)
        except SystemExit as problem:
            print(f"FAIL {name}: {problem}")
            status = 1
            break
        print(f"create-stack {name} ({stack}.json, params/{environment}.json)", flush=True)
        _, body, notes = captured(cfn_stack_tool.moto_template, template_path, gaps, placeholders)
        sys.stdout.write(notes)
        try:
            cloudformation.create_stack(StackName=name, TemplateBody=body, Parameters=parameters,
                                        Capabilities=["CAPABILITY_NAMED_IAM"], Tags=tags)
        except Exception as problem:  # moto's answer 500 is a ResponseParserError, no ClientError
            print(f"FAIL {name}: create-stack\n{str(problem)[:300]}")
            status = 1
            break
        created.append(name)
        state = wait_for(cloudformation, name, ("CREATE_COMPLETE",))
        if state != "CREATE_COMPLETE":
            print(f"FAIL {name}: {state}")
            for event in cloudformation.describe_stack_events(StackName=name)["StackEvents"]:
                if "FAILED" in event.get("ResourceStatus", ""):
                    print(f"{event['LogicalResourceId']}\t{event.get('ResourceStatusReason', '')}")
            status = 1
            break
        summaries = []
        for page in cloudformation.get_paginator("list_stack_resources").paginate(StackName=name):
            summaries.extend(page["StackResourceSummaries"])
        listed_path = os.path.join(os.environ.get("WORK", "/tmp"), f"{stack}.resources.json")
        params_path = os.path.join(os.environ.get("WORK", "/tmp"), f"{stack}.params.json")
        with open(listed_path, "w", encoding="utf-8") as handle:
            json.dump({"StackResourceSummaries": summaries}, handle, default=str)
        with open(params_path, "w", encoding="utf-8") as handle:
            json.dump(parameters, handle)
        result, printed, _ = captured(cfn_stack_tool.compare, template_path, params_path,
                                      listed_path, gaps)
        sys.stdout.write(printed)
        status |= result
    for name in reversed(created):
        before_delete(name[len(prefix) + 1:], prefix, endpoint)
        cloudformation.delete_stack(StackName=name)
        state = wait_for(cloudformation, name, ("DELETE_COMPLETE",))
        if state != "DELETE_COMPLETE":
            print(f"FAIL {name}: delete-stack left {state}")
            status = 1
    if status == 0:
        print(f"ok   {os.environ.get('EXAMPLE', prefix)} ({environment}): "
              f"{len(created)} stacks created and deleted")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
