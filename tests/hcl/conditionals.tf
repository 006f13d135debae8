a = var.enabled ? 1 : 0
b = var.env=="prod"?"large":"small"
c = var.x != null ? var.x : (var.y != null ? var.y : "default")
d = a ? b : c ? d : e
