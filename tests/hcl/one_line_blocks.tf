resource "aws_eip" "a" {vpc=true}
resource "aws_eip" "b" {   }
locals {}
module "m" {source="./m"}
terraform {required_version=">= 1.5"}
