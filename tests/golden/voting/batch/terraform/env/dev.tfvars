# Environment "dev": terraform apply -var-file=env/dev.tfvars
environment = "dev"

network = {
  cidr                 = "10.20.0.0/16"
  public_subnet_cidrs  = ["10.20.0.0/20", "10.20.16.0/20"]
  private_subnet_cidrs = ["10.20.128.0/20", "10.20.144.0/20"]
  nat_gateways         = 1
}

deletion_protection    = false
enable_execute_command = true
log_retention_days     = 14

services = {
  result = {
    image         = "dockersamples/examplevotingapp_result:latest"
    cpu           = 256
    memory        = 512
    desired_count = 1
    spot          = false
    autoscale     = null
  }
  vote = {
    image         = "dockersamples/examplevotingapp_vote:latest"
    cpu           = 256
    memory        = 512
    desired_count = 1
    spot          = false
    autoscale     = null
  }
  worker = {
    image         = "dockersamples/examplevotingapp_worker:latest"
    cpu           = 256
    memory        = 512
    desired_count = 1
    spot          = false
    autoscale     = null
  }
}

databases = {
  db = {
    instance_class        = "db.t4g.micro"
    allocated_storage     = 20
    multi_az              = false
    read_replicas         = 0
    backup_retention_days = 1
  }
}

caches = {
  redis = {
    node_type = "cache.t4g.micro"
    nodes     = 1
  }
}

alarms = null
