variable "name" {
  type = "string"
  default = "x"
}
variable "list" {
  type = "list"
}
variable "map" {
  type="map"
}
variable "bare_list" {
  type = list
}
variable "bare_set" {
  type = set
}
variable "modern" {
  type = map(object({ a = string, b = number }))
}
