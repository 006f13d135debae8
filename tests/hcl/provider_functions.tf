a = provider::aws::arn_parse(var.arn)
b = provider::terraform::encode_tfvars({ a = 1 })
c = provider :: aws :: arn_build("aws", "s3", "", "", "bucket")
