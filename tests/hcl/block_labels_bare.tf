resource aws_s3_bucket logs {
  bucket = "logs"
}
provider aws {
  region = "us-east-1"
}
data aws_caller_identity current {}
