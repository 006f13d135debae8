resource "x" "y" {
  a=1
  long_name = 2
  list = [
    1,
  ]
}
