#!/bin/bash
# URDU -> RAVDESS with and without per-corpus / per-speaker feature normalisation (ser train --normalize), one platform
# at a time on /work/exp-data/urdu, reusing the librispeech-mini + URDU pre-training of the URDU Table 1 run.
cd /work/h-norm
D=/work/exp-data/urdu
LOG=/work/exp-out/cross-corpus-normalize-chain.log
stamp() { echo "$(date -u +%FT%TZ) $*" >> $LOG; }
stamp "start import ravdess4 (git $(git rev-parse --short HEAD))"
npx tsx test/acceptance/corpus-tables.ts --import-only --corpus ravdess --data-dir $D > /work/exp-out/cross-corpus-import-ravdess.log 2>&1
stamp "end import rc=$?"
run() { local variant=$1; shift; local t0=$(date +%s); stamp "start $variant: ser train $*"
  node bin/ser.js train --dataset urdu --pretrain-also librispeech --protocol cross-corpus --test-dataset ravdess4 --repeats 3 \
    --model-size paper --pretrain-epochs 40 --model-name urdu-cross-corpus-$variant --reuse /work/exp-out/urdu-fop-table1-paper \
    "$@" --data-dir $D --out /work/exp-out/cross-corpus-urdu-to-ravdess-$variant > /work/exp-out/cross-corpus-urdu-to-ravdess-$variant.log 2>&1
  stamp "end $variant rc=$? wall=$(( $(date +%s) - t0 ))s"; }
run per-corpus --normalize per-corpus
run none
run per-speaker --normalize per-speaker
touch /work/exp-out/cross-corpus-normalize-chain.done
