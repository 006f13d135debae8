  locals {
   list =[
     # first item
     "a",
   "b", # second
     /* third */ "c",
 ]
   obj={
        # leading
 a = 1 # trailing
   // another
bb  =   2
        }
 call=merge(
 local.a, # defaults
        local.b, # overrides
   )
  }
