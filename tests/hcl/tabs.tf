resource "x" "y" {
	name	=	"tabs"
	nested {
		value = 1
		other	= 2
	}
}
