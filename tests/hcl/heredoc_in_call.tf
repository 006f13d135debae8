locals {
        script = templatefile("${path.module}/run.sh", {
     body= <<-EOT
      echo ${var.message}
    EOT
   name =var.name
 })
   doc=jsonencode(yamldecode(<<YAML
key: value
YAML
 ))
        }
