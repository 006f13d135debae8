/* A block comment
   spanning several lines
     keeps its inner layout */
resource "null_resource" "x" {
      /* inline block */ triggers = {}
  /*
   * starred
   */
}
value = 1 /* after a value */
