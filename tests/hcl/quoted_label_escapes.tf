resource "aws_x" "with\u0041escape" {}
resource "aws_x" "tab\there" {}
resource "aws_x" "quote\"s" {}
