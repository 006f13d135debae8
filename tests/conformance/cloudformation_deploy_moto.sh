#!/usr/bin/env bash
# Creates the CloudFormation stacks of one environment of an example on a private moto_server
# (network, app, pipeline, then every service and job stack) with `aws cloudformation create-stack`,
# checks that each reaches CREATE_COMPLETE with every resource its conditions ask for (the types
# moto does not model are listed, with the reason, in moto_cloudformation_gaps.tsv and reported
# as gaps), then deletes the stacks in reverse order.
# Usage: cloudformation_deploy_moto.sh INFRAGEN EXAMPLE_MANIFEST TARGET [ENVIRONMENT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 manifest=$2 target=$3 environment=${4:-}
require_tool aws
require_tool moto_server
require_tool python3
make_work_dir

"$infragen" generate "$manifest" -t "$target" -f cloudformation -o "$WORK/out" >/dev/null 2>"$WORK/generate.log" ||
  { cat "$WORK/generate.log"; exit 1; }
dir="$WORK/out/$target/cloudformation"
if [ -z "$environment" ]; then
  if [ -f "$dir/params/dev.json" ]; then environment=dev; else
    environment=$(basename "$(ls "$dir"/params/*.json | head -n 1)" .json)
  fi
fi
params="$dir/params/$environment.json"
if [ ! -f "$params" ]; then
  echo "FAIL: no environment '$environment' in $manifest (has: $(cd "$dir/params" && ls | sed 's/\.json$//' | tr '\n' ' '))"
  exit 1
fi
app=$(python3 -c 'import json,sys; print(next(p["ParameterValue"] for p in json.load(open(sys.argv[1])) if p["ParameterKey"]=="AppStack"))' "$params")
prefix=${app%-app}

start_moto
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER="" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
cf() { aws --endpoint-url "http://127.0.0.1:$MOTO_PORT" "$@"; }

# Values known only at deploy time: the image tag and the hosted zone id of the domain.
extra=(ImageTag=test)
placeholders=()
domain=$(python3 -c 'import json,sys; print(next((p["ParameterValue"] for p in json.load(open(sys.argv[1])) if p["ParameterKey"]=="DomainName"), ""))' "$params")
if [ -n "$domain" ]; then
  zone_id=$(cf route53 create-hosted-zone --name "${domain#*.}" --caller-reference conformance \
    --query HostedZone.Id --output text)
  extra+=("DomainZoneId=${zone_id##*/}")
  # moto does not create the certificate from the template, but its load balancer wants one.
  placeholders+=("Certificate=$(cf acm request-certificate --domain-name "$domain" --query CertificateArn --output text)")
fi

stacks=()
# An environment that reuses an existing VPC has no network stack.
if [ -f "$dir/network.json" ] && grep -q '"VpcCidr"' "$params"; then stacks+=(network); fi
stacks+=(app)
[ -f "$dir/pipeline.json" ] && stacks+=(pipeline)
for template in "$dir"/service-*.json "$dir"/job-*.json; do
  [ -f "$template" ] && stacks+=("$(basename "$template" .json)")
done
status=0
created=()
for stack in "${stacks[@]}"; do
  name="$prefix-$stack"
  python3 "$here/cfn_stack_tool.py" params "$dir/$stack.json" "$params" "${extra[@]}" >"$WORK/$stack.params.json"
  echo "create-stack $name ($stack.json, params/$environment.json)"
  python3 "$here/cfn_stack_tool.py" moto-template "$dir/$stack.json" "$here/moto_cloudformation_gaps.tsv" \
    "${placeholders[@]}" >"$WORK/$stack.json"
  if ! cf cloudformation create-stack --stack-name "$name" --template-body "file://$WORK/$stack.json" \
      --parameters "file://$WORK/$stack.params.json" --capabilities CAPABILITY_NAMED_IAM \
      --tags Key=app,Value="${prefix%-*}" Key=environment,Value="$environment" Key=managed-by,Value=infragen \
      >"$WORK/create.log" 2>&1; then
    echo "FAIL $name: create-stack"; cat "$WORK/create.log"
    # A 500 answer is moto crashing: its traceback's last line says on what.
    grep -E '^[A-Za-z_.]+(Error|Exception)' "$WORK/moto.log" | tail -n 1 | sed 's/^/  moto: /'
    status=1; break
  fi
  created+=("$name")
  cf cloudformation wait stack-create-complete --stack-name "$name" 2>"$WORK/wait.log" || true
  state=$(cf cloudformation describe-stacks --stack-name "$name" --query 'Stacks[0].StackStatus' --output text)
  if [ "$state" != CREATE_COMPLETE ]; then
    echo "FAIL $name: $state"
    cf cloudformation describe-stack-events --stack-name "$name" \
      --query 'StackEvents[?contains(ResourceStatus, `FAILED`)].[LogicalResourceId,ResourceStatusReason]' --output text
    status=1; break
  fi
  cf cloudformation list-stack-resources --stack-name "$name" >"$WORK/$stack.resources.json"
  python3 "$here/cfn_stack_tool.py" compare "$dir/$stack.json" "$WORK/$stack.params.json" \
    "$WORK/$stack.resources.json" "$here/moto_cloudformation_gaps.tsv" || status=1
done
for ((i = ${#created[@]} - 1; i >= 0; i--)); do
  if [ "${created[$i]}" = "$prefix-network" ]; then
    # Emulator gap: moto deletes a NAT gateway but keeps its network interface, which then
    # blocks deleting the VPC; remove those interfaces the way AWS does.
    for eni in $(cf ec2 describe-nat-gateways --query 'NatGateways[].NatGatewayAddresses[].NetworkInterfaceId' --output text); do
      echo "  gap  NAT gateway interface $eni deleted by the test (moto keeps it after the NAT gateway)"
      cf ec2 delete-network-interface --network-interface-id "$eni" || true
    done
    # Emulator gap: moto's delete-stack does not delete AWS::EC2::RouteTable resources, which
    # then keep the VPC; delete the VPC's own (not main) route tables first.
    vpc=$(cf cloudformation describe-stacks --stack-name "$prefix-network" --query 'Stacks[0].Outputs[?OutputKey==`VpcId`].OutputValue' --output text)
    for table in $(cf ec2 describe-route-tables --filters "Name=vpc-id,Values=$vpc" --query 'RouteTables[?!(Associations[?Main])].RouteTableId' --output text); do
      echo "  gap  route table $table deleted by the test (moto's delete-stack keeps it)"
      cf ec2 delete-route-table --route-table-id "$table" || true
    done
  fi
  if [ "${created[$i]}" = "$prefix-app" ]; then
    # Emulator gap: moto deletes a stack's resources in no particular order, and a read replica
    # deleted after its source fails half-way (DBInstanceNotFound), keeping the stack. Promoted
    # first, a replica deletes in either order, as CloudFormation's dependency order would.
    for replica in $(cf rds describe-db-instances --query 'DBInstances[?ReadReplicaSourceDBInstanceIdentifier].DBInstanceIdentifier' --output text); do
      echo "  gap  read replica $replica promoted by the test (moto deletes it after its source)"
      cf rds promote-read-replica --db-instance-identifier "$replica" >/dev/null || true
    done
  fi
  cf cloudformation delete-stack --stack-name "${created[$i]}"
  cf cloudformation wait stack-delete-complete --stack-name "${created[$i]}" 2>/dev/null || true
  left=$(cf cloudformation list-stacks --query "StackSummaries[?StackName=='${created[$i]}' && StackStatus!='DELETE_COMPLETE'].StackStatus" --output text)
  if [ -n "$left" ]; then echo "FAIL ${created[$i]}: delete-stack left $left"; status=1; fi
done
[ $status -eq 0 ] && echo "ok   $(basename "$(dirname "$manifest")") ($environment): ${#created[@]} stacks created and deleted"
exit $status
