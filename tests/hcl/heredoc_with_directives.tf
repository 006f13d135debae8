locals {
  config = <<-EOT
    %{ for name, port in var.services ~}
    upstream ${ name } {
      server 127.0.0.1:${port};
    }
    %{ endfor ~}
    %{ if var.tls }ssl on;%{ else }ssl off;%{ endif }
  EOT
}
