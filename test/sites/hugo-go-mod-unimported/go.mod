module example.org/x

go 1.22

require github.com/google/docsy v0.6.0
