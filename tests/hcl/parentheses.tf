a = ( var.x )
b = ((1 + 2) * (3 - 4))
c = (var.a ? var.b : var.c).id
