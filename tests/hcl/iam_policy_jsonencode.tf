resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Action = ["s3:GetObject","s3:ListBucket"]
        Effect = "Allow"
        Resource = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]
      },
    ]
  })
}
