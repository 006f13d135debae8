a = [for s in var.subnets: s.id]
b = [for i, s in var.subnets : "${i}-${s.name}" if s.public]
c = [ for x in [1,2,3] : x*2 ]
