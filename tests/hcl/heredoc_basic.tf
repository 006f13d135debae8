user_data = <<EOF
#!/bin/bash
echo "hello ${var.name}"
   indentation   is   preserved
EOF
policy=<<POLICY
{
  "Version": "2012-10-17"
}
POLICY
