a = <<END_OF_TEXT
text with EOF inside
  END_OF_TEXT is not alone
END_OF_TEXT
b = <<-X
  x
  X
c = [<<A
one
A
, <<B
two
B
]
