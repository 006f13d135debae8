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
  description = "Protect data from a mistaken destroy: deletion protection, final snapshots, non-empty buckets kept, secrets and keys recoverable for 30 days. Off in development."
  type        = bool
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the control plane's logs."
  type        = number

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "CloudWatch keeps logs 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes version of the cluster (EKS standard support). Raise it one minor version at a time; the add-ons follow."
  type        = string
  default     = "1.33"

  validation {
    condition     = can(regex("^1\\.[0-9]+$", var.kubernetes_version))
    error_message = "A Kubernetes minor version such as 1.33."
  }
}

variable "cluster_endpoint_public_cidrs" {
  description = "CIDR blocks that may reach the cluster's API from the internet (administrators, CI runners); empty: the API is reachable from the VPC only."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.cluster_endpoint_public_cidrs : can(cidrhost(cidr, 0)) && cidr != "0.0.0.0/0"])
    error_message = "Give IPv4 CIDR blocks, and not 0.0.0.0/0: the public endpoint is an allow-list."
  }
}

variable "cluster_admin_arns" {
  description = "IAM roles and users that administer the cluster (an access entry each, with the cluster admin policy), besides whoever applies this code."
  type        = list(string)
  default     = []
}

variable "namespace" {
  description = "Kubernetes namespace the Helm chart is installed into: the pod identities and the deploy role's access are for this namespace. null: the app's name as a DNS label."
  type        = string
  default     = null

  validation {
    condition     = var.namespace == null || can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "A namespace is a DNS label: at most 63 lowercase letters, digits and '-'."
  }
}

locals {
  # The app's name as a DNS label: lowercase letters, digits and '-', at most 63, no '-' at
  # either end.
  namespace = coalesce(var.namespace, trim(substr(replace(lower("voting"), "/[^a-z0-9-]/", "-"), 0, 63), "-"))
}

variable "instances" {
  description = "Per node group: EC2 instance type, the fewest and most nodes, Spot instances (off in production), root volume (GiB) and CPU architecture (x86_64 or arm64)."
  type = map(object({
    type         = string
    min          = number
    max          = number
    spot         = bool
    disk         = number
    architecture = string
  }))

  validation {
    condition     = alltrue([for group in values(var.instances) : group.min >= 0 && group.min <= group.max && group.disk >= 20 && contains(["x86_64", "arm64"], group.architecture)])
    error_message = "Counts are 0 or more with min at most max, the root volume is at least 20 GiB, and the architecture is x86_64 or arm64."
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

variable "caches" {
  description = "Per cache: node type and number of nodes (1 primary plus replicas)."
  type = object({
    redis = object({
      node_type = string
      nodes     = number
    })
  })

  validation {
    condition     = alltrue([for cache in values(var.caches) : cache.nodes >= 1 && cache.nodes <= 6])
    error_message = "A cache has 1 to 6 nodes."
  }
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
