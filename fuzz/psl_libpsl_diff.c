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
 * Not checked here: the ICANN-only BR default, the no-star option and strict wildcards (libpsl has
 * none of them), the shell's name checks (the names are not converted), and names with a wildcard
 * label. Where they legitimately differ the harness skips:
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

#include "cabref/psl_load.h"

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
skip:
  free(name);
  return 0;
}
