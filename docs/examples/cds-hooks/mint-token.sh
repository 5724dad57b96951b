#!/usr/bin/env bash
# Mints a CDS Hooks client JWT (RS384) with the SAMPLE key, for trying the service on loopback only.
# The sample key is public (it is in this repository): never trust it outside a local trial.
# Usage: mint-token.sh AUDIENCE_URL   e.g. http://127.0.0.1:5080/cds-services/migraine-botox-order-sign
set -euo pipefail
aud=${1:?audience URL}
dir=$(cd "$(dirname "$0")" && pwd)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS384","typ":"JWT","kid":"sample-ehr-key"}' | b64url)
payload=$(printf '{"iss":"https://ehr.example.org/","aud":"%s","iat":%d,"exp":%d,"jti":"%s"}' "$aud" "$now" $((now + 60)) "$(cat /proc/sys/kernel/random/uuid)" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha384 -sign "$dir/sample-ehr-private-key.pem" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
