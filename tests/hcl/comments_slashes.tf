// double slash comment
locals {
    // inside a block
  region = "eu-west-1" // trailing
  zone="a"   //   spaced
}
