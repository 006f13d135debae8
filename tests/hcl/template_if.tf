a = "%{ if var.enabled }on%{ else }off%{ endif }"
b = "prefix-%{if var.x}x%{endif}-suffix"
c = "%{   if   a == b   }same%{   endif   }"
