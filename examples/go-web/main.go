package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
)

func ping(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"message": "pong"})
}

func main() {
	addr := flag.String("addr", ":8080", "address to listen on")
	flag.Parse()
	http.HandleFunc("/ping", ping)
	log.Printf("listening on %s", *addr)
	log.Fatal(http.ListenAndServe(*addr, nil))
}
