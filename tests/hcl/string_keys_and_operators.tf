tags = merge(var.tags, {
  "Name" = "${var.name}-${count.index + 1}"
  "Index" = count.index * 2 + 1
  "Flag" = !var.disabled && var.count > 0
})
