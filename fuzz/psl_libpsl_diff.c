/* libFuzzer target: differential against libpsl (spec/psl.md).
 *
 * Both load the pinned snapshot (vectors/psl/public_suffix_list.dat, or $CABREF_PSL_FILE) once.
 * The input is a name. They must agree on the registrable domain in the configuration libpsl
 * implements: both sections, the "*" rule, wildcard parents (cabref: CABREF_PSL_PRIVATE |
 * CABREF_PSL_WILDCARD_PARENT; libpsl: psl_registrable_domain). The harness calls the core matcher
 * (cabref_psl_match_name) on names the core parser accepts without any permission.
 *
 * What an agreement checks, in that configuration: PSL-MATCH-RULE and PSL-MATCH-PREVAILING (which
 * rules match and which prevails, seen through the public suffix), PSL-MATCH-DEFAULT (libpsl's
 * implicit "*" rule), PSL-MATCH-SUFFIX and PSL-MATCH-REGISTRABLE (the registrable domain is the
 * suffix plus one label, none when the name is its suffix, so equal registrable domains mean equal
 * suffixes), PSL-OPT-SECTIONS on its PRIVATE side (PRIVATE rules count), PSL-OPT-WILDCARD-PARENT,
 * and PSL-CANON for the snapshot's U-label rules (cabref converts them at load time, libpsl in its
 * own way; A-label names under them must agree, e.g. xn--85x722f.xn--fiqs8s in the corpus).
 *
 * PSL-OPT-NO-STAR, against libpsl's own no-star mode: with CABREF_PSL_NO_STAR_RULE added, the
 * name is its own public suffix for cabref exactly when psl_is_public_suffix2(PSL_TYPE_ANY |
 * PSL_TYPE_NO_STAR_RULE) says so (an unknown top-level label then has no suffix in either).
 *
 * Not differential, cabref against itself (the name through the shell's lookup,
 * cabref_psl_lookup_text, under the same options): PSL-MATCH-NAME, the name as given gets the
 * core's answer (or a refusal: the shell's A-label check may refuse an "xn--" label), the same
 * name with a wildcard label in front and a trailing dot gets the same answer or the same
 * refusal (both are allowed), and with "_" in front it is refused as an underscore name;
 * PSL-MATCH-WILDCARD-NAME, that same answer: same rule, kind, suffix and registrable label
 * counts, since the wildcard label is not looked up and every count is over the other labels.
 *
 * Not checked here: the ICANN-only section choice and strict wildcards, hence not the BR default
 * options (libpsl's ICANN type filters the prevailing rule's section instead of dropping PRIVATE
 * rules, and libpsl always reads wildcard parents; fuzz/psl_text.c checks the BR default against
 * the table instead), the shell's U-label conversion (the names are ASCII as given). Where they
 * legitimately differ the harness skips:
 *  - names cabref's parser refuses (libpsl does not validate: "a..b", "_x", bad hyphens, ...);
 *  - names with upper case (libpsl expects lower-case input; cabref folds ASCII case);
 *  - a wildcard label (cabref skips it, libpsl reads "*" as a label): the parser refuses it here;
 *  - "xn--" labels are kept (libpsl compares them as given, and so does the core); only the shell's
 *    A-label check is not run.
 */
#include <libpsl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/name_idn.h"
#include "cabref/psl_load.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cabref_psl_list *cab;
static psl_ctx_t *psl;

static void init(void) {
  const char *path = getenv("CABREF_PSL_FILE");
  cabref_error err;
  if (path == NULL || path[0] == '\0')
    path = "vectors/psl/public_suffix_list.dat";
  if (cabref_psl_load_file(path, &cab, &err) != CABREF_OK) {
    fprintf(stderr, "%s\n", err.message);
    abort();
  }
  psl = psl_load_file(path);
  if (psl == NULL)
    abort();
}

/* PSL-OPT-NO-STAR against libpsl's PSL_TYPE_NO_STAR_RULE (see the header). */
static void no_star(const char *name, size_t size, const cabref_name *nm) {
  const uint32_t o = CABREF_PSL_PRIVATE | CABREF_PSL_WILDCARD_PARENT | CABREF_PSL_NO_STAR_RULE;
  cabref_psl_match m;
  int own, lib;
  if (cabref_psl_match_name(&cab->table, name, size, nm, o, &m) != 0)
    abort();
  own = m.kind != CABREF_PSL_RULE_NONE && m.suffix_labels == nm->n_labels;
  lib = psl_is_public_suffix2(psl, name, PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0;
  if (own != lib) {
    fprintf(stderr, "differ (no-star): %s: libpsl %d, cabref %d (kind %d)\n", name, lib, own,
            m.kind);
    abort();
  }
}

/* PSL-MATCH-NAME, PSL-MATCH-WILDCARD-NAME through the shell's lookup (see the header). */
static void shell_forms(const char *name, size_t size, const cabref_psl_match *core) {
  const uint32_t o = CABREF_PSL_PRIVATE | CABREF_PSL_WILDCARD_PARENT;
  char text[260], buf[CABREF_NAME_TEXT_BUF];
  cabref_psl_match m1, m2;
  cabref_name n1, n2;
  size_t pos;
  int e1, e2;
  if (size + 2 > 253)
    return; /* "*." in front must keep the name within 253 bytes */
  e1 = cabref_psl_lookup_text(&cab->table, name, size, o, &m1, &n1, buf, &pos);
  if (e1 == CABREF_NAME_OK)
    CHECK(m1.kind == core->kind && m1.rule == core->rule &&
          m1.suffix_labels == core->suffix_labels);
  else
    CHECK(e1 == CABREF_PSL_NAME_BAD_IDN); /* the core parser accepted it */
  memcpy(text, "*.", 2);
  memcpy(text + 2, name, size);
  text[size + 2] = '.';
  e2 = cabref_psl_lookup_text(&cab->table, text, size + 3, o, &m2, &n2, buf, &pos);
  CHECK(e2 == e1);
  if (e1 == CABREF_NAME_OK)
    CHECK(m2.kind == m1.kind && m2.rule == m1.rule && m2.suffix_labels == m1.suffix_labels &&
          cabref_psl_registrable_labels(&m2) == cabref_psl_registrable_labels(&m1));
  text[1] = '_';
  e2 = cabref_psl_lookup_text(&cab->table, text + 1, size + 1, o, &m2, &n2, buf, &pos);
  CHECK(e2 == CABREF_NAME_UNDERSCORE && pos == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *name;
  cabref_name nm;
  cabref_psl_match m;
  size_t pos, i;
  const char *r;
  unsigned labels = 0, want;
  if (cab == NULL)
    init();
  if (size > 300)
    return 0;
  name = malloc(size + 1);
  if (name == NULL)
    return 0;
  memcpy(name, data, size);
  name[size] = '\0';
  for (i = 0; i < size; i++) {
    if (name[i] >= 'A' && name[i] <= 'Z')
      goto skip; /* libpsl expects lower case */
  }
  if (cabref_name_parse(name, size, 0, &nm, &pos) != CABREF_NAME_OK)
    goto skip; /* libpsl does not validate names */
  if (cabref_psl_match_name(&cab->table, name, size, &nm,
                            CABREF_PSL_PRIVATE | CABREF_PSL_WILDCARD_PARENT, &m) != 0)
    abort();
  want = cabref_psl_registrable_labels(&m);
  r = psl_registrable_domain(psl, name);
  if (r != NULL) {
    const char *c;
    for (labels = 1, c = r; *c; c++)
      labels += *c == '.';
  }
  if (labels != want) {
    fprintf(stderr, "differ: %s: libpsl %s, cabref %u labels (kind %d)\n", name, r ? r : "(none)",
            want, m.kind);
    abort();
  }
  no_star(name, size, &nm);
  shell_forms(name, size, &m);
skip:
  free(name);
  return 0;
}
