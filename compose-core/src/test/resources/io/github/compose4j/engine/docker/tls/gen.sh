#!/bin/sh
# Regenerates the test-only TLS material (never used outside tests). Run from this directory.
set -e
tmp=$(mktemp -d)
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/ca-key.pem" -out ca.pem -days 36500 -subj /CN=compose4j-test-ca 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/other-key.pem" -out other-ca.pem -days 36500 -subj /CN=compose4j-other-ca 2>/dev/null
# server: CN/SAN localhost + 127.0.0.1
openssl req -newkey rsa:2048 -nodes -keyout server-key.pem -out "$tmp/server.csr" -subj /CN=localhost 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$tmp/server.ext"
openssl x509 -req -in "$tmp/server.csr" -CA ca.pem -CAkey "$tmp/ca-key.pem" -CAcreateserial -out server.pem -days 36500 -extfile "$tmp/server.ext" 2>/dev/null
printf 'extendedKeyUsage=clientAuth\n' > "$tmp/client.ext"
# RSA client, key as PKCS#1 and PKCS#8
openssl genrsa -traditional -out client-rsa-key-pkcs1.pem 2048 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in client-rsa-key-pkcs1.pem -out client-rsa-key-pkcs8.pem
openssl req -new -key client-rsa-key-pkcs1.pem -out "$tmp/client-rsa.csr" -subj /CN=client-rsa
openssl x509 -req -in "$tmp/client-rsa.csr" -CA ca.pem -CAkey "$tmp/ca-key.pem" -CAcreateserial -out client-rsa.pem -days 36500 -extfile "$tmp/client.ext" 2>/dev/null
# EC client, key as SEC1 (with and without a leading EC PARAMETERS block)
openssl ecparam -name prime256v1 -genkey -noout -out client-ec-key-sec1.pem
{ openssl ecparam -name prime256v1; cat client-ec-key-sec1.pem; } > client-ec-key-sec1-params.pem
openssl req -new -key client-ec-key-sec1.pem -out "$tmp/client-ec.csr" -subj /CN=client-ec
openssl x509 -req -in "$tmp/client-ec.csr" -CA ca.pem -CAkey "$tmp/ca-key.pem" -CAcreateserial -out client-ec.pem -days 36500 -extfile "$tmp/client.ext" 2>/dev/null
# legacy encrypted PEM (must be refused like the docker CLI does)
openssl rsa -in client-rsa-key-pkcs1.pem -traditional -aes128 -passout pass:secret -out client-rsa-key-encrypted.pem 2>/dev/null
rm -rf "$tmp" ca.srl
