module example.org/site

go 1.22

require github.com/gohugoio/hugo v0.111.3

require github.com/spf13/cobra v1.6.1 // indirect
