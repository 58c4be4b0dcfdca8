/* cabref shell: a ballot as read from a vote log (line or JSON form), and the tally run.
 *
 * The shell converts text into the core's plain structs and prints results; every decision is
 * made by the core (ref/include/cabref/tally.h). Formats: spec/tally-formats.md.
 */
#ifndef CABREF_BALLOT_H
#define CABREF_BALLOT_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/status.h"
#include "cabref/tally.h"

#define CABREF_MAX_LINE 4096u      /* longest line of a line log, in bytes */
#define CABREF_MAX_NAME 200u       /* longest member name, in bytes */
#define CABREF_MAX_MEMBERS 100000u /* roll capacity of one ballot */
#define CABREF_MAX_MESSAGES 1000000u
#define CABREF_MAX_EXCLUSIONS 1000u
#define CABREF_MAX_STATUS_CHANGES 256u

/* TALLY-VOTE-STATUS: a change of a member's voting status (joins: becomes a voting member;
 * suspended, leaves: stops being one). */
typedef enum {
  CABREF_MEMBER_JOINS = 0,
  CABREF_MEMBER_SUSPENDED = 1,
  CABREF_MEMBER_LEAVES = 2
} cabref_member_change;

typedef struct {
  char name[CABREF_MAX_NAME + 1];
  size_t name_len;
  cabref_instant at;
  cabref_member_change change;
  unsigned long line; /* source line (or JSON index + 1) */
} cabref_status_change;

/* Where an input error is, and what it is. line/column are 1-based; 0 when not applicable
 * (JSON errors carry jansson's line and column). */
typedef struct {
  cabref_status status;
  char file[256];
  unsigned long line;
  unsigned long column;
  char message[512];
} cabref_error;

typedef struct {
  char name[CABREF_MAX_NAME + 1];
  uint8_t category;
} cabref_roll_entry;

typedef struct {
  char ballot[128];
  int version_auto; /* "auto": resolved from the voting start */
  cabref_rules_version version;
  int has_version;
  cabref_ballot_kind kind;
  char list[128];
  cabref_timeline timeline; /* has_discussion etc. */
  int has_discussion_end;
  int has_last_version;
  int has_voting;
  int end_inclusive;
  int has_consumer_rule;
  cabref_consumer_rule consumer_rule;
  int has_quorum;
  uint32_t quorum;
  int has_attendance;
  uint32_t attendance[3];
  int has_review;
  cabref_instant review_start;
  size_t n_exclusions;
  cabref_instant exclusions[CABREF_MAX_EXCLUSIONS];
  /* TALLY-WITHDRAWN, TALLY-SECOND-VOTE, TALLY-VOTE-STATUS */
  int has_withdrawal;
  cabref_instant withdrawn_at;
  int has_round;
  int second_vote;
  size_t n_status;
  cabref_status_change status[CABREF_MAX_STATUS_CHANGES];
  /* Roll and messages, growing arrays owned by the ballot. */
  cabref_roll_entry *roll_names;
  cabref_member *roll;
  size_t n_members, cap_members;
  /* Name -> member index + 1 (0: empty slot): open addressing over the trimmed, ASCII
   * lower-cased name, at most half full, so each vote finds its member in O(1) expected. */
  uint32_t *member_slots;
  size_t n_slots; /* a power of two, or 0 */
  cabref_message *msgs;
  unsigned long *msg_lines; /* source line (or JSON index + 1) of each message */
  size_t n_msgs, cap_msgs;
} cabref_ballot;

void cabref_ballot_init(cabref_ballot *b);
void cabref_ballot_free(cabref_ballot *b);

/* Parsers. Both fill *b (initialised by the caller) or return an error with its position. */
cabref_status cabref_ballot_parse_lines(const char *text, size_t len, const char *file,
                                        cabref_ballot *b, cabref_error *err);
cabref_status cabref_ballot_parse_json(const char *text, size_t len, const char *file,
                                       cabref_ballot *b, cabref_error *err);
/* Chooses the parser: JSON when the first non-blank byte is '{'. */
cabref_status cabref_ballot_parse(const char *text, size_t len, const char *file, cabref_ballot *b,
                                  cabref_error *err);

/* Adds a message; finds or creates the member (names compared ASCII case-insensitively after
 * trimming blanks). CABREF_E_INCONSISTENT when the member was seen with another category. */
cabref_status cabref_ballot_add_vote(cabref_ballot *b, const char *member, size_t member_len,
                                     cabref_category cat, cabref_instant at, cabref_vote vote,
                                     const char *list, size_t list_len, int from_rep,
                                     unsigned long line, cabref_error *err);

/* Records a change of a member's voting status (applied to the roll by cabref_tally_ballot,
 * after every vote is read). */
cabref_status cabref_ballot_add_status(cabref_ballot *b, const char *member, size_t member_len,
                                       cabref_member_change change, cabref_instant at,
                                       unsigned long line, cabref_error *err);
size_t cabref_ballot_find_member(const cabref_ballot *b, const char *name, size_t len);
cabref_status cabref_parse_member_change(const char *s, size_t len, cabref_member_change *c);
const char *cabref_member_change_name(cabref_member_change c);
const char *cabref_withdrawal_name(cabref_withdrawal w);

/* Text helpers shared by both parsers. */
cabref_status cabref_parse_instant(const char *s, size_t len, cabref_instant *out);
void cabref_format_instant(cabref_instant t, char out[21]);
cabref_status cabref_parse_bylaws(const char *s, size_t len, cabref_rules_version *v, int *is_auto);
const char *cabref_bylaws_name(cabref_rules_version v);
cabref_status cabref_parse_category(const char *s, size_t len, cabref_category *c);
const char *cabref_category_name(cabref_category c);
cabref_status cabref_parse_vote(const char *s, size_t len, cabref_vote *v);
const char *cabref_vote_name(cabref_vote v);
cabref_status cabref_parse_kind(const char *s, size_t len, cabref_ballot_kind *k);
const char *cabref_kind_name(cabref_ballot_kind k);
cabref_status cabref_parse_consumer_rule(const char *s, size_t len, cabref_consumer_rule *r);
const char *cabref_consumer_rule_name(cabref_consumer_rule r);
const char *cabref_reason_code(uint32_t bit); /* one CABREF_R_* bit -> "no-quorum", ... */
const char *cabref_outcome_name(cabref_outcome o);
const char *cabref_fate_name(cabref_message_fate f);
/* The input-error code of spec/tally.md for a status: bad-time, unknown-category,
 * inconsistent-category, unknown-bylaws, missing-quorum, bad-period, or bad-input. */
const char *cabref_input_error_code(cabref_status s);

/* The complete tally of a parsed ballot: everything the core says, ready to print. */
typedef struct {
  cabref_rules rules;
  cabref_consumer_rule consumer_rule;
  cabref_tally_result result;
  int has_review_result;
  cabref_review_result review;
  int32_t *chosen; /* per member */
  uint8_t *fate;   /* per message */
  /* TALLY-QUORUM-FIXED: a published quorum was used while the attendance given beside it gives
   * another one (TALLY-QUORUM-ATT): both are reported, the published one decides. */
  int quorum_disagrees;
  uint32_t quorum_from_attendance;
  /* TALLY-WITHDRAWN: what the withdrawal did, when one was given. */
  int has_withdrawal;
  cabref_withdrawal withdrawal;
  /* TALLY-VOTE-STATUS: the roll with each member's voting interval (NULL when no change). */
  cabref_member *roll;
} cabref_tally_run;

/* Runs the core on the ballot. Input errors (missing quorum, bad period) come back as status. */
cabref_status cabref_tally_ballot(const cabref_ballot *b, cabref_tally_run *run, cabref_error *err);
void cabref_tally_run_free(cabref_tally_run *run);

#endif
