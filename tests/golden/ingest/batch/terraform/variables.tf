# Everything that differs between environments; each env/<environment>.tfvars sets these.

variable "environment" {
  description = "Environment to deploy: dev, prod (one env/<environment>.tfvars each)."
  type        = string

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "The environment must be one of: dev, prod."
  }
}

variable "network" {
  description = "A new VPC (cidr, one public and one private subnet per zone, NAT gateways)."
  type = object({
    cidr                 = string
    public_subnet_cidrs  = list(string)
    private_subnet_cidrs = list(string)
    nat_gateways         = number
  })

  validation {
    condition     = var.network.cidr == null || can(cidrhost(var.network.cidr, 0))
    error_message = "network.cidr must be an IPv4 CIDR block such as 10.0.0.0/16."
  }

  validation {
    condition     = length(var.network.public_subnet_cidrs) == length(var.network.private_subnet_cidrs) && var.network.nat_gateways <= length(var.network.public_subnet_cidrs)
    error_message = "Give one public and one private subnet per zone, and at most one NAT gateway per zone."
  }
}

variable "deletion_protection" {
  description = "Protect data and endpoints from a mistaken destroy: deletion protection, final snapshots, non-empty buckets kept, secrets recoverable for 30 days. Off in development."
  type        = bool
}

variable "enable_execute_command" {
  description = "Allow `aws ecs execute-command` into running tasks (ECS Exec). Off in production."
  type        = bool
}

variable "fargate_spot" {
  description = "Offer Fargate Spot capacity to workloads marked spot. Off in production."
  type        = bool
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the logs of every workload."
  type        = number

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "CloudWatch keeps logs 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days."
  }
}

variable "services" {
  description = "Per service: CPU units, memory (MiB), running count, Fargate Spot allowed, auto scaling (null: fixed count), and literal environment variables that differ between environments."
  type = object({
    api = object({
      image         = string
      cpu           = number
      memory        = number
      desired_count = number
      spot          = bool
      autoscale = object({
        min      = number
        max      = number
        cpu      = optional(number)
        memory   = optional(number)
        requests = optional(number)
      })
    })
  })

  validation {
    condition     = alltrue([for service in values(var.services) : contains([256, 512, 1024, 2048, 4096, 8192, 16384], service.cpu)])
    error_message = "Fargate CPU units are 256, 512, 1024, 2048, 4096, 8192 or 16384."
  }

  validation {
    condition     = alltrue([for service in values(var.services) : service.desired_count >= 0 && (service.autoscale == null || try(service.autoscale.min <= service.autoscale.max, false))])
    error_message = "Counts are 0 or more, and autoscale.min is at most autoscale.max."
  }
}

variable "jobs" {
  description = "Per job: CPU units and memory (MiB) of a run, Fargate Spot allowed, and literal environment variables that differ between environments."
  type = object({
    aggregate = object({
      image     = string
      cpu       = number
      memory    = number
      spot      = bool
      gpu       = number
      max_vcpus = number
      min_vcpus = number
    })
    ingest = object({
      image     = string
      cpu       = number
      memory    = number
      spot      = bool
      gpu       = number
      max_vcpus = number
      min_vcpus = number
    })
  })

  validation {
    condition     = alltrue([for job in values(var.jobs) : job.cpu <= job.max_vcpus * 1024 && job.min_vcpus <= job.max_vcpus])
    error_message = "A run's vCPUs (cpu / 1024) and min_vcpus are at most the job's max_vcpus."
  }

  validation {
    condition = alltrue([
      contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.jobs["aggregate"].cpu),
    ])
    error_message = "Jobs on Fargate have 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units."
  }

  validation {
    condition = alltrue([
      var.jobs["ingest"].cpu % 1024 == 0,
    ])
    error_message = "Jobs on EC2 instances have whole vCPUs: CPU units are a multiple of 1024."
  }
}

variable "databases" {
  description = "Per database: instance class, storage (GiB), standby in another zone, read replicas, days backups are kept."
  type = object({
    db = object({
      instance_class        = string
      allocated_storage     = number
      multi_az              = bool
      read_replicas         = number
      backup_retention_days = number
    })
  })

  validation {
    condition     = alltrue([for database in values(var.databases) : database.read_replicas >= 0 && database.read_replicas <= 5 && database.backup_retention_days >= 0 && database.backup_retention_days <= 35])
    error_message = "Read replicas are 0 to 5; backups are kept 0 to 35 days."
  }
}

variable "buckets" {
  description = "Per bucket: days after which objects are deleted (null: kept) and versioning."
  type = object({
    imports = object({
      expire_days = optional(number)
      versioning  = bool
    })
  })
}

variable "alarms" {
  description = "Where alarms go and their thresholds (CPU and memory in percent, 5xx answers per 5 minutes); null: no alarms."
  type = object({
    email       = string
    cpu_high    = number
    memory_high = number
    http_5xx    = number
  })
  default = null
}
