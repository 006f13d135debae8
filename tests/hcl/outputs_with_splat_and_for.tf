output "ids" {
     value  =   aws_instance.web[ *].id
}
        output "by_name" {
 value= { for i in aws_instance.web  :  i.tags.Name => i.private_ip }
   }
   output "joined" { value = join(",", aws_instance.web.*.id) }
