a = 1+2*3
b = (1+2)*3
c = var.a-var.b
d = 10/3%2
e = var.x>=1&&var.y<=2||!var.z
f = var.a==var.b
g = var.count>0
