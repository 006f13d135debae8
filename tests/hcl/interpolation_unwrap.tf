resource "aws_instance" "web" {
  ami = "${var.ami}"
  subnet_id = "${ aws_subnet.main.id }"
  name = "${var.name}-suffix"
  both = "${var.a}${var.b}"
  nested = "${lookup(var.m, "${var.k}")}"
  tags = {
    Name = "${var.name}"
  }
}
