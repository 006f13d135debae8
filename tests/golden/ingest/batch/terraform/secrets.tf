# Secrets of the app: created empty; put each value once after the first apply:
#   aws secretsmanager put-secret-value --secret-id <name> --secret-string '...'
# Only the tasks that use a secret may read it.

resource "aws_secretsmanager_secret" "provider_token" {
  name        = local.names.secret_provider_token
  description = "API token of the upstream data provider"
  # Outside development a deleted secret can be restored for 30 days.
  recovery_window_in_days = var.deletion_protection ? 30 : 0
}
