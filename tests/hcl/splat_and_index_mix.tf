     a =aws_instance.web[*].network_interface[0].id
b=flatten([ for m in module.nodes:m.ids])[ 0]
  c  =   values(var.map)[ *].name
     d= keys(var.map)[ length(keys(var.map)) - 1]
