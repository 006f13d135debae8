a  =   aws_instance.web[*].id
     b=aws_instance.web.*.id
  c=var.items[*].tags.Name
        d =module.x[ *]
e= var.list.*.name.0
