name="web"
count    =3
enabled=   true
ratio =0.75
nothing  = null
big=1e6
