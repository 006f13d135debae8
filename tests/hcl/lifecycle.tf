resource "aws_db_instance" "db" {
  identifier = "db"
  lifecycle {
    prevent_destroy = true
    ignore_changes = [tags, password]
    create_before_destroy=true
    precondition {
      condition = var.size > 10
      error_message = "Too small."
    }
  }
}
