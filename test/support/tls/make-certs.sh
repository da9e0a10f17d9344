#!/bin/sh
# Regenerates the test-only TLS material the local fake servers use: a CA and a server certificate for 127.0.0.1 and
# localhost, both valid for a century so the committed files never expire under the tests. The CA key is thrown away
# after signing, so nothing else can ever be signed by this CA. Node trusts the CA through NODE_EXTRA_CA_CERTS, which
# vitest.config.ts sets before any test process starts.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
  -subj '/CN=Hunter Desktop test CA' \
  -addext 'basicConstraints=critical,CA:TRUE,pathlen:0' -addext 'keyUsage=critical,keyCertSign,cRLSign' \
  -keyout "$work/ca-key.pem" -out ca.pem
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj '/CN=localhost' \
  -keyout server-key.pem -out "$work/server.csr"
cat > "$work/ext.cnf" <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EXT
openssl x509 -req -in "$work/server.csr" -CA ca.pem -CAkey "$work/ca-key.pem" -CAcreateserial -CAserial "$work/ca.srl" -days 36500 \
  -extfile "$work/ext.cnf" -out server.pem
chmod 644 ca.pem server.pem server-key.pem
