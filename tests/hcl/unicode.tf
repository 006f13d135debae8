locals {
  greeting = "héllo wörld"
  emoji = "🚀 launch"
  names = { "café" = 1, "naïve" = 2 }
  ünïcode_name = "ok" # comment
  x = 1 # aligned
}
