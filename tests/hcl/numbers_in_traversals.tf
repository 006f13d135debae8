  a=var.matrix[0][1]
        b= var.list[length(var.list) - 1]
        c = var.map["key with spaces"]
 d  =   element(var.list,  2)
