   size = var.tier == "gold" ? 4 : var.tier == "silver" ? 2 : 1
   name = var.name == null ? "default" : var.name
     list = length(var.x) > 0 ? var.x : ["fallback"]
