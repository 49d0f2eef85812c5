#!/bin/bash
# RAVDESS -> URDU with and without per-corpus normalisation, the FOP taken over from the URDU Table 1 run's
# librispeech-mini + URDU pre-training (so it heard URDU's audio, unlabelled; see ravdess-to-urdu-fop-heard-urdu).
cd /work/h-norm
D=/work/exp-data/urdu
LOG=/work/exp-out/cross-corpus-normalize-chain.log
CFG=docs/results/cross-corpus/ravdess-to-urdu-fop-heard-urdu/recipe-source.yaml
stamp() { echo "$(date -u +%FT%TZ) $*" >> $LOG; }
run() { local variant=$1; shift; local t0=$(date +%s); stamp "start ravdess-to-urdu $variant (git $(git rev-parse --short HEAD)): ser train $*"
  node bin/ser.js train --dataset ravdess4 --config $CFG --protocol cross-corpus --test-dataset urdu --repeats 3 \
    --model-size paper --pretrain-epochs 40 --model-name ravdess-cross-corpus-$variant --reuse /work/exp-out/urdu-fop-table1-paper \
    "$@" --data-dir $D --out /work/exp-out/cross-corpus-ravdess-to-urdu-fop-heard-urdu-$variant > /work/exp-out/cross-corpus-ravdess-to-urdu-fop-heard-urdu-$variant.log 2>&1
  stamp "end ravdess-to-urdu $variant rc=$? wall=$(( $(date +%s) - t0 ))s"; }
run per-corpus --normalize per-corpus
run none
touch /work/exp-out/cross-corpus-normalize-chain-ravdess-to-urdu.done
