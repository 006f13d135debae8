  resource "aws_autoscaling_group" "asg" {
 vpc_zone_identifier =[aws_subnet.a.id,
aws_subnet.b.id,
aws_subnet.c.id]
   launch_template { id=aws_launch_template.t.id }
     min_size  =   1
 max_size =var.max_size > 10?10  :  var.max_size
        }
