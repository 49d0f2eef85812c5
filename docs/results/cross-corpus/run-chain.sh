#!/bin/bash
# Cross-corpus figures (issue 13), one platform at a time on /work/exp-data/urdu.
cd /work/cc-tree
D=/work/exp-data/urdu
run() { local name=$1; shift; local t0=$(date +%s); echo "$(date -u +%FT%TZ) start $name: ser train $*" >> /work/exp-out/cross-corpus-chain.log
  node bin/ser.js train "$@" --data-dir $D --out /work/exp-out/cross-corpus-$name > /work/exp-out/cross-corpus-$name.log 2>&1
  echo "$(date -u +%FT%TZ) end $name rc=$? wall=$(( $(date +%s) - t0 ))s" >> /work/exp-out/cross-corpus-chain.log; }
# 1. URDU -> RAVDESS: FOP pre-trained on librispeech-mini + URDU (the training corpus), never on RAVDESS.
run urdu-to-ravdess --dataset urdu --pretrain-also librispeech --protocol cross-corpus --test-dataset ravdess4 --repeats 3 --model-size paper --pretrain-epochs 40 --model-name urdu-cross-corpus --reuse /work/exp-out/urdu-recipe-paper
# 2. RAVDESS -> URDU with the same FOP: it heard URDU's audio, unlabelled, in pre-training (said so in the results).
run ravdess-to-urdu-fop-heard-urdu --dataset ravdess4 --config /work/exp-out/cross-corpus-cfg/reuse-urdu-fop.yaml --protocol cross-corpus --test-dataset urdu --repeats 3 --model-size paper --pretrain-epochs 40 --model-name ravdess-cross-corpus --reuse /work/exp-out/urdu-recipe-paper
# 3. RAVDESS -> URDU with a FOP that never heard URDU: pre-trained on librispeech-mini + RAVDESS.
run ravdess-to-urdu --dataset ravdess4 --pretrain-also librispeech --protocol cross-corpus --test-dataset urdu --repeats 3 --model-size paper --pretrain-epochs 40 --model-name ravdess-cross-corpus-clean
touch /work/exp-out/cross-corpus-chain.done
