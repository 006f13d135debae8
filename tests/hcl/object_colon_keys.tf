a = { key: "value", other : 2 }
b = {
  first: 1
  second_longer: 2
}
