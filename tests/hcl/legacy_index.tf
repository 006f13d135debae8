     a  =   aws_instance.web.0.id
   b =var.list.1
   c= module.x.outputs.2.name
