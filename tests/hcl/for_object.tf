a = {for s in var.subnets: s.name=>s.id}
b = { for k, v in var.tags : lower(k) => v if v != "" }
c = {
  for name, cfg in var.services :
  name => cfg.port
}
