resource "aws_instance" "web" {
  user_data = <<-EOT
    #!/bin/bash
    yum install -y httpd
      systemctl start httpd
    EOT
  tags = {}
}
