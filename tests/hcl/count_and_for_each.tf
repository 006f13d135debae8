resource "aws_subnet" "private" {
  count = length(var.azs)
  vpc_id = aws_vpc.main.id
  cidr_block = cidrsubnet(var.cidr, 8, count.index)
  availability_zone = var.azs[count.index]
}
resource "aws_route53_record" "r" {
  for_each = toset(var.names)
  name = each.key
  records = [each.value]
  zone_id = var.zone_id
  type = "CNAME"
  ttl = 300
}
