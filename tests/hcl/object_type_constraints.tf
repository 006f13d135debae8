variable "services" {
  type = map(object({
    image = string
    port = number
    env = optional(map(string), {})
    replicas = optional(number, 1)
  }))
}
