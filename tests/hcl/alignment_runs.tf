resource "aws_instance" "web" {
  ami = "ami-123456"
  instance_type = "t3.micro"
  subnet_id = var.subnet_id

  associate_public_ip_address = true
  monitoring = false
  # a comment ends the run
  key_name = "deployer"
  tags = {
    Name = "web"
  }
  ebs_optimized = true
  user_data_replace_on_change = false
}
