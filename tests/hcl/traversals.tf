a = var.config.network.vpc
b = module.vpc.subnets[0].id
c = aws_instance.web["primary"].private_ip
d = local.map [ "key" ] . value
e = data.aws_ami.latest.id
