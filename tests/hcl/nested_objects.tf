config = {
  network = {
    vpc = {
      cidr = "10.0.0.0/16"
      azs = ["a", "b"]
    }
    dns = { enabled = true, zone = "example.com" }
  }
  compute = {
  size = "large"
      count = 3
  }
}
