hosts = "%{ for h in var.hosts }${h},%{ endfor }"
pairs = "%{for k, v in var.map}${k}=${v};%{endfor}"
