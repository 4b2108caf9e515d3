package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--version" {
		fmt.Printf("hello built with %s for %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return
	}
	fmt.Printf("Hello %s!\n", strings.Join(os.Args[1:], " "))
}
