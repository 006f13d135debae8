output "vpc_id" {
  value = aws_vpc.main.id
  description = "The VPC"
}
output "secret" {
value = var.secret
sensitive = true
}
