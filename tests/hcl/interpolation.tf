resource "aws_s3_bucket" "b" {
  bucket = "${var.prefix}-${ var.env }-logs"
  acl = "private-${ local.suffix }"
  tags = {
    Name = "bucket ${ upper(var.name) } in ${var.region}"
    Path = "${path.module}/files/${ var.file }"
  }
}
