source "aÀ¯bí €cô€€dà€¯e" "x" {}
z = "aÀ¯bí €cô€€dà€¯e"
