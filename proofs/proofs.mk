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
# Modules listed in proofs/pending.txt (proof in progress, not claimed) are left out by name and
# run by `make proofs-pending`.
PENDING_MODULES := $(shell sed -n 's/^\([a-z_0-9]*\) .*/\1/p' proofs/pending.txt 2>/dev/null)
PROOF_MODULES ?= $(filter-out $(PENDING_MODULES),$(basename $(notdir $(sort $(wildcard ref/core/*.c)))))

PROOF_UPDATE_TARGETS := $(addprefix proofs-update-,$(PROOF_MODULES))
PROOF_REPLAY_TARGETS := $(addprefix proofs-replay-,$(PROOF_MODULES))

.PHONY: proofs proofs-replay proofs-pending eva $(PROOF_UPDATE_TARGETS) $(PROOF_REPLAY_TARGETS)
proofs: $(PROOF_UPDATE_TARGETS)
proofs-replay: $(PROOF_REPLAY_TARGETS)
PROOF_PENDING_TARGETS := $(addprefix proofs-pending-,$(PENDING_MODULES))
.PHONY: $(PROOF_PENDING_TARGETS)
proofs-pending: $(PROOF_PENDING_TARGETS)
$(PROOF_PENDING_TARGETS): proofs-pending-%:
	FRAMAC='$(FRAMAC)' sh proofs/wp.sh $* update

# Static pattern rules: make does not search implicit rules for phony targets.
$(PROOF_UPDATE_TARGETS): proofs-update-%:
	FRAMAC='$(FRAMAC)' sh proofs/wp.sh $* update
$(PROOF_REPLAY_TARGETS): proofs-replay-%:
	FRAMAC='$(FRAMAC)' sh proofs/wp.sh $* replay

eva:
	FRAMAC='$(FRAMAC)' sh proofs/eva.sh
