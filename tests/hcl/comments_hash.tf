# Leading comment for the file
#   with odd   spacing kept inside
resource "aws_vpc" "main" { # trailing on the header
  cidr_block = "10.0.0.0/16" # the range
      # indented wrongly
  enable_dns_support = true
}
#no space after hash
