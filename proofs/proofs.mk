# cabref: proof targets, included by the top Makefile (`include proofs/proofs.mk`).
#
#   make proofs          WP on every module, provers run for goals not in the cache; refreshes
#                        proofs/session/<module>/cache and proofs/stats/<module>.txt
#   make proofs-replay   WP from the committed cache only (no prover is run); fails on any
#                        unproved goal, failed smoke test or unproved property
#   make eva             Eva over the tally core from proofs/eva_main.c; fails on any alarm
#
# One frama-c run per module, so `make -j2 proofs` proves two modules at a time. Details,
# timings and what is proved: proofs/README.md.

FRAMAC ?= frama-c
# Every module of ref/core is proved on its own; PROOF_MODULES may be narrowed on the command
# line (make proofs PROOF_MODULES=tally_votes).
PROOF_MODULES ?= $(basename $(notdir $(sort $(wildcard ref/core/*.c))))

PROOF_UPDATE_TARGETS := $(addprefix proofs-update-,$(PROOF_MODULES))
PROOF_REPLAY_TARGETS := $(addprefix proofs-replay-,$(PROOF_MODULES))

.PHONY: proofs proofs-replay eva $(PROOF_UPDATE_TARGETS) $(PROOF_REPLAY_TARGETS)
proofs: $(PROOF_UPDATE_TARGETS)
proofs-replay: $(PROOF_REPLAY_TARGETS)

# Static pattern rules: make does not search implicit rules for phony targets.
$(PROOF_UPDATE_TARGETS): proofs-update-%:
	FRAMAC='$(FRAMAC)' sh proofs/wp.sh $* update
$(PROOF_REPLAY_TARGETS): proofs-replay-%:
	FRAMAC='$(FRAMAC)' sh proofs/wp.sh $* replay

eva:
	FRAMAC='$(FRAMAC)' sh proofs/eva.sh
