# Shared helpers of the conformance tests (sourced, not run): tool lookup, the offline provider
# mirror, a private moto_server on 127.0.0.1 and the provider override that points at it.

# Prints "SKIPPED: <tool> not found" and exits 0 when a tool is missing.
require_tool() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "SKIPPED: $1 not found"
    exit 0
  fi
}

# The offline provider mirror: $INFRAGEN_TF_PLUGIN_DIR, else a `tf-plugins` folder near the root.
find_plugin_dir() {
  if [ -n "${INFRAGEN_TF_PLUGIN_DIR:-}" ]; then echo "$INFRAGEN_TF_PLUGIN_DIR"; return; fi
  local candidate
  for candidate in /opt/tf-plugins /tf-plugins /usr/local/share/tf-plugins "$HOME/tf-plugins"; do
    if [ -d "$candidate/registry.terraform.io/hashicorp/aws" ]; then echo "$candidate"; return; fi
  done
}

require_plugin_dir() {
  PLUGIN_DIR=$(find_plugin_dir)
  if [ -z "$PLUGIN_DIR" ]; then
    echo "SKIPPED: tf-plugins (offline hashicorp/aws mirror) not found; set INFRAGEN_TF_PLUGIN_DIR"
    exit 0
  fi
}

# Terraform without user configuration, telemetry or prompts.
setup_terraform_env() {
  export TF_CLI_CONFIG_FILE="$WORK/terraformrc"
  : >"$TF_CLI_CONFIG_FILE"
  export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0
}

make_work_dir() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/infragen-conformance.XXXXXX")
  trap cleanup EXIT
}

cleanup() {
  stop_moto
  stop_shared_provider
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}

MOTO_PID=""
# Starts moto_server on a free port of 127.0.0.1; sets MOTO_PORT.
start_moto() {
  MOTO_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  MOTO_IAM_LOAD_MANAGED_POLICIES=true moto_server -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 &
  MOTO_PID=$!
  # Up to a minute: with four tests at a time, moto's imports compete for the two cores.
  for _ in $(seq 1 300); do
    # bash's own /dev/tcp: no process per try while moto imports.
    if (exec 3<>"/dev/tcp/127.0.0.1/$MOTO_PORT") 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  echo "moto_server did not start"; cat "$WORK/moto.log"; return 1
}

stop_moto() {
  if [ -n "$MOTO_PID" ]; then kill "$MOTO_PID" 2>/dev/null; wait "$MOTO_PID" 2>/dev/null; MOTO_PID=""; fi
}

# Writes an override file that sends every AWS call of the configuration in $1 to moto.
# The override is test scaffolding, never part of the generated code.
write_moto_override() {
  local dir=$1 endpoint="http://127.0.0.1:$MOTO_PORT" services name
  services="acm apigateway apigatewayv2 appautoscaling autoscaling batch cloudformation cloudfront
    cloudwatch codebuild codedeploy codepipeline codestarconnections dynamodb ec2 ecr ecs efs eks
    elasticache elb elbv2 events iam kms lambda logs rds route53 s3 scheduler secretsmanager
    servicediscovery sfn sns sqs ssm sts"
  {
    echo 'provider "aws" {'
    echo '  access_key                  = "testing"'
    echo '  secret_key                  = "testing"'
    echo '  skip_credentials_validation = true'
    echo '  skip_requesting_account_id  = true'
    echo '  skip_metadata_api_check     = true'
    echo '  skip_region_validation      = true'
    echo '  s3_use_path_style           = true'
    # An API moto lacks answers HTTP 500, which the provider would retry for minutes.
    echo '  max_retries                 = 2'
    echo '  endpoints {'
    for name in $services; do printf '    %s = "%s"\n' "$name" "$endpoint"; done
    echo '  }'
    echo '}'
    if grep -qs 'backend "s3"' "$dir"/*.tf; then
      printf 'terraform {\n  backend "local" {}\n}\n'
    fi
  } >"$dir/moto_override.tf"
}

PROVIDER_PID=""
# Starts the mirror's AWS provider once, in its own debug mode, and exports
# TF_REATTACH_PROVIDERS so that every later terraform command of the test attaches to that
# process. Terraform otherwise starts the provider three or four times per command (schemas,
# validation, plan, apply), at about 2.5 s of CPU each: most of what an apply on moto costs.
# `terraform init` still works after it (and skips installing the provider it attaches to).
# A mirror that holds the provider zipped (the packed layout) keeps the usual starts.
start_shared_provider() {
  local binary reattach
  binary=$(find -L "$PLUGIN_DIR/registry.terraform.io/hashicorp/aws" -type f -name 'terraform-provider-aws*' \
    -perm -u+x 2>/dev/null | head -n 1)
  [ -n "$binary" ] || return 0
  # A CA bundle from the environment makes the provider wrap its HTTP client when it is
  # configured, and it cannot wrap it a second time; moto is plain HTTP and needs none.
  # GOGC: a long-lived process with a large heap collects less often (a quarter less CPU).
  env -u AWS_CA_BUNDLE GOGC=400 "$binary" -debug >"$WORK/provider.log" 2>&1 &
  PROVIDER_PID=$!
  for _ in $(seq 1 300); do
    reattach=$(sed -n "s/^[[:space:]]*TF_REATTACH_PROVIDERS='\(.*\)'$/\1/p" "$WORK/provider.log")
    if [ -n "$reattach" ]; then
      export TF_REATTACH_PROVIDERS=$reattach
      return 0
    fi
    kill -0 "$PROVIDER_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "the AWS provider did not start in debug mode"; cat "$WORK/provider.log"; return 1
}

stop_shared_provider() {
  if [ -n "$PROVIDER_PID" ]; then
    kill "$PROVIDER_PID" 2>/dev/null || true
    wait "$PROVIDER_PID" 2>/dev/null || true  # a Go program killed by SIGTERM exits 143
    PROVIDER_PID=""
  fi
  unset TF_REATTACH_PROVIDERS
}
