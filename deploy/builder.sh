#!/bin/sh
# The builder service (docker-compose.yml): publish the app and build the lakehouse once, then keep
# building on the schedule. NOVA_S3, NOVA_SCHEDULE and NOVA_TZ come from the compose file.
set -eu

npm run lakehouse -- publish-web --s3 "$NOVA_S3"
npm run lakehouse -- run --s3 "$NOVA_S3"
exec npm run lakehouse -- run --s3 "$NOVA_S3" --schedule "$NOVA_SCHEDULE" --tz "$NOVA_TZ"
