#!/bin/sh
# minio-init (docker-compose.yml): bucket, anonymous read of the published product, builder user.
# Idempotent: every step may run again on an existing deployment.
set -eu

mc alias set nova http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing "nova/$NOVA_BUCKET"

# Anonymous s3:GetObject on what a browser needs under the prefix (the app and gold), and nothing
# else: no s3:ListBucket (so the bucket cannot be listed, unlike mc's "download" preset), and
# bronze, silver and the builder's lock stay private.
cat > /tmp/public-read.json <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": ["*"] },
      "Action": ["s3:GetObject"],
      "Resource": [
        "arn:aws:s3:::${NOVA_BUCKET}/${NOVA_PREFIX}/index.html",
        "arn:aws:s3:::${NOVA_BUCKET}/${NOVA_PREFIX}/assets/*",
        "arn:aws:s3:::${NOVA_BUCKET}/${NOVA_PREFIX}/gold/*"
      ]
    }
  ]
}
JSON
mc anonymous set-json /tmp/public-read.json "nova/$NOVA_BUCKET"

# The builder's own key pair: read, write, list and delete in this bucket only.
cat > /tmp/builder-policy.json <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:ListBucket", "s3:ListBucketMultipartUploads"],
      "Resource": ["arn:aws:s3:::${NOVA_BUCKET}"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      "Resource": ["arn:aws:s3:::${NOVA_BUCKET}/*"]
    }
  ]
}
JSON
mc admin user add nova "$BUILDER_ACCESS_KEY" "$BUILDER_SECRET_KEY"
mc admin policy create nova nova-builder /tmp/builder-policy.json
# Attaching a policy the user already has is refused; that is the state we want.
mc admin policy attach nova nova-builder --user "$BUILDER_ACCESS_KEY" || true
echo "minio-init: bucket $NOVA_BUCKET ready; anonymous read of $NOVA_PREFIX/{index.html,assets/*,gold/*}"
