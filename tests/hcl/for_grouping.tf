by_az = {for s in var.subnets : s.az => s.id...}
by_role = { for u in var.users : u.role => u.name ... if u.active }
