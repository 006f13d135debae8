        locals {
     size  =   (
   var.environment == "prod"
 ? "large"
 : "small"
)
  name = var.override != "" ? var.override : join("-", [
     var.project,
        var.environment,
   ])
 }
