a = {}
b = {x=1,y=2}
c = { name = "n" , value = "v" }
d = {"quoted key"=1}
