a = "x ${~ var.y ~} z"
b = <<EOT
%{ for x in var.items ~}
  item ${x}
%{~ endfor }
EOT
