#!/usr/bin/env bash
# `buf breaking` (proto/buf.yaml's FILE rules: no field renumbered, retyped or deleted, no rpc or message removed)
# against the main branch: on another branch, main's tip; on main itself, its previous commit, so the last commit and
# any uncommitted change are both checked. SER_BUF_BREAKING_AGAINST names any other buf input to compare against
# (e.g. '../.git#tag=v1.0,subdir=proto', relative to proto/). Uses the pinned npm binary: no network.
set -euo pipefail
cd "$(dirname "$0")/../proto"

against="${SER_BUF_BREAKING_AGAINST:-}"
if [ -z "$against" ]; then
  if ! git_dir="$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null)"; then
    echo "::warning:: buf breaking SKIPPED: not a git checkout; set SER_BUF_BREAKING_AGAINST to compare against a release" >&2
    exit 0
  fi
  if [ "$(git rev-parse --abbrev-ref HEAD)" = "main" ]; then base_ref="HEAD~1"; else base_ref="main"; fi
  git rev-parse --verify -q "$base_ref^{commit}" >/dev/null || base_ref="origin/main"
  if ! base="$(git rev-parse --verify -q "$base_ref^{commit}")"; then
    echo "::warning:: buf breaking SKIPPED: no main branch or previous commit in this checkout (shallow clone?)" >&2
    exit 0
  fi
  against="$git_dir#ref=$base,subdir=proto"
fi
echo "buf breaking against $against"
npx buf breaking --against "$against"
