a = concat(var.a, var.b...)
b = min(var.numbers ...)
c = merge(local.maps...)
