module example.com/scratch

go 1.19
