variable "environment" {
  type = string
  description = "Deployment environment"
  default = "dev"
  validation {
    condition = contains(["dev", "staging", "prod"], var.environment)
    error_message = "Environment must be dev, staging or prod."
  }
  nullable = false
  sensitive = false
}
