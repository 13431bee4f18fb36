#!/bin/sh
# Placeholder image packer for platforms without a HAL: never used by a build.
echo "no HAL for this platform" >&2
exit 1
