a = -1
b = - var.x
c = !var.enabled
d = 2 - -1
e = [-1, -2]
f = (-var.x)
g = !!var.y
