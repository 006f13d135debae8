// The app of bench/comparison_manifest.sh in AWS CDK: N public Fargate services behind one load
// balancer, each with a secret and CPU autoscaling, and one Postgres database. Construct + synth
// only (no deploy, no validation plugins). Usage: node app.js N OUT_DIR
const cdk = require("aws-cdk-lib");
const ec2 = require("aws-cdk-lib/aws-ec2");
const ecs = require("aws-cdk-lib/aws-ecs");
const elbv2 = require("aws-cdk-lib/aws-elasticloadbalancingv2");
const rds = require("aws-cdk-lib/aws-rds");
const secretsmanager = require("aws-cdk-lib/aws-secretsmanager");

const count = Number(process.argv[2] || 50);
// The same work as infragen's: no validation report, and no stop at 500 resources (one stack
// holds every service here; infragen gives each its own).
const app = new cdk.App({
  outdir: process.argv[3] || "cdk.out",
  context: { "@aws-cdk/core:stackResourceLimit": 0 },
});
const stack = new cdk.Stack(app, "bench", { env: { region: "eu-west-1", account: "123456789012" } });
const vpc = new ec2.Vpc(stack, "Vpc", { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, "Cluster", { vpc });
const database = new rds.DatabaseInstance(stack, "Db", {
  engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
  instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
});
const apiKey = new secretsmanager.Secret(stack, "ApiKey", { description: "A third-party key" });
const balancer = new elbv2.ApplicationLoadBalancer(stack, "Alb", { vpc, internetFacing: true });
const listener = balancer.addListener("Http", {
  port: 80,
  defaultAction: elbv2.ListenerAction.fixedResponse(404),
});
for (let i = 1; i <= count; i++) {
  const name = `svc${i}`;
  const task = new ecs.FargateTaskDefinition(stack, `${name}Task`, { cpu: 512, memoryLimitMiB: 1024 });
  task.addContainer(name, {
    image: ecs.ContainerImage.fromRegistry("public.ecr.aws/nginx/nginx:1.27"),
    portMappings: [{ containerPort: 80 }],
    environment: { DB_HOST: database.dbInstanceEndpointAddress },
    secrets: { API_KEY: ecs.Secret.fromSecretsManager(apiKey) },
    logging: ecs.LogDrivers.awsLogs({ streamPrefix: name }),
  });
  const service = new ecs.FargateService(stack, `${name}Service`, { cluster, taskDefinition: task, desiredCount: 1 });
  database.connections.allowDefaultPortFrom(service);
  listener.addTargets(`${name}Targets`, {
    port: 80,
    priority: i,
    conditions: [elbv2.ListenerCondition.pathPatterns([`/${name}`, `/${name}/*`])],
    targets: [service],
  });
  service.autoScaleTaskCount({ minCapacity: 1, maxCapacity: 4 }).scaleOnCpuUtilization(`${name}Cpu`, {
    targetUtilizationPercent: 70,
  });
}
app.synth();
