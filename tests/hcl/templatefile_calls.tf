locals {
  rendered = templatefile("${path.module}/templates/config.tpl", {
    port = var.port
    hosts = var.hosts
  })
  cloud_init = templatefile("init.yaml", { packages = ["nginx", "git"] })
}
