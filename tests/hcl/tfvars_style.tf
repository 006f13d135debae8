region="eu-central-1"
instance_count=3
tags={Team="platform",Owner="ops"}
allowed_cidrs=["10.0.0.0/8","192.168.0.0/16"]
settings = {
  retention_days=14
  log_level="info"
}
