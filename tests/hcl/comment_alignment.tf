settings = {
  short = 1 # one
  much_longer_key = "two" # two
  mid = [1, 2] # three
}
a = 1 # x
bb = 22 # y

ccc = 333 # separated by a blank line
