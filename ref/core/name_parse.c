/* cabref: domain names as text (spec/names.md NAME-*), the proven core.
 *
 * One pass, left to right, over the name without its optional trailing dot. The bytes of a label
 * are scanned by a tight loop that accepts letters, digits and hyphens only (scan_ldh); any other
 * byte stops it and is judged where it stands (slow_byte). The rules that depend on a byte's
 * place in its label (no hyphen first, "--" in positions 3-4 only in an XN-label, at most 63
 * bytes) are checked once per label, when it ends or when a rarer byte stops the scan
 * (label_check), and report the same first offending byte as a byte-by-byte judgement would.
 * Contracts: ref/include/cabref/name.h and below; logic: spec/name_logic.h.
 */
#include "cabref/name.h"

/* The letters, digits and hyphens of text[i .. m-1] from i: the offset of the first other byte,
 * or m. All of them are in the label that starts at s. */
/*@
  requires valid_text: \valid_read(text + (0 .. m - 1));
  requires range: s <= i <= m;
  requires in_label: InLabel(text, s, i);
  assigns \nothing;
  ensures range: i <= \result <= m;
  ensures ldh: \forall integer p; i <= p < \result ==> IsLdhChar(text[p]);
  ensures stop: \result < m ==> !IsLdhChar(text[\result]);
  ensures in_label: InLabel(text, s, \result);
*/
static size_t scan_ldh(const char *text, size_t i, size_t m, size_t s) {
  size_t j = i;
  (void)s; /* the contract's logic reads it */
  /*@
    loop invariant range: i <= j <= m;
    loop invariant ldh: \forall integer p; i <= p < j ==> IsLdhChar(text[p]);
    loop invariant in_label: InLabel(text, s, j);
    loop assigns j;
    loop variant m - j;
  */
  while (j < m) {
    int c = text[j];
    /* NAME-LDH (RFC 1035 §2.3.1; RFC 1123 §2.1): letters, digits, hyphens. Lower-case letters
     * and digits, the usual bytes, are told apart without a branch (their sum is 1 for either):
     * a branch per class would be mispredicted wherever they alternate. */
    int common = (c >= 'a' && c <= 'z') + (c >= '0' && c <= '9');
    if (common == 0 && c != '-' && !(c >= 'A' && c <= 'Z'))
      break;
    /*@ assert next: LabelStart(text, j + 1) == s; */
    j++;
  }
  return j;
}

/* The label rules on text[s .. e-1], bytes of one label of a class it may hold (ClassRange),
 * that the byte class leaves (ClassRange): CABREF_NAME_OK iff LabelHeadOk, else the code and
 * (in *err_pos) the offset of the first rule broken, left to right. */
/*@
  requires valid_text: \valid_read(text + (0 .. n - 1));
  requires valid_pos: \valid(err_pos) && \separated(text + (0 .. n - 1), err_pos);
  requires range: 0 <= s <= e <= n;
  requires in_label: InLabel(text, s, e);
  requires class: ClassRange(text, n, s, e, policy);
  assigns *err_pos;
  ensures ok: \result == CABREF_NAME_OK <==> LabelHeadOk(text, s, e);
  ensures bytes: \result == CABREF_NAME_OK ==>
    \forall integer p; s <= p < e ==> NameByteOk(text, n, p, policy);
  ensures label_bytes: \result == CABREF_NAME_OK ==>
    \forall integer p; s <= p < e ==> LabelByteOk(text, s, p, policy);
  ensures codes: \result == CABREF_NAME_OK || \result == CABREF_NAME_HYPHEN_EDGE ||
    \result == CABREF_NAME_RESERVED_LDH || \result == CABREF_NAME_LABEL_TOO_LONG;
  ensures bad: \result != CABREF_NAME_OK ==> !ValidNameBody(text, n, policy);
  ensures pos: \result != CABREF_NAME_OK ==> s <= *err_pos < e;
  ensures label_too_long: \result == CABREF_NAME_LABEL_TOO_LONG ==>
    text[*err_pos] != '.' && *err_pos - LabelStart(text, *err_pos) == CABREF_NAME_MAX_LABEL;
  ensures hyphen_edge: \result == CABREF_NAME_HYPHEN_EDGE ==> text[*err_pos] == '-';
  ensures reserved_ldh: \result == CABREF_NAME_RESERVED_LDH ==>
    text[*err_pos] == '-' && text[*err_pos + 1] == '-' && *err_pos >= 2 &&
    LabelStart(text, *err_pos + 1) == *err_pos - 2 && !XnPrefix(text, *err_pos - 2);
*/
static inline cabref_name_error label_check(const char *text, size_t n, size_t s, size_t e,
                                            uint32_t policy, size_t *err_pos) {
  (void)n; /* the contract's logic reads them */
  (void)policy;
  /* NAME-HYPHEN (RFC 1035 §2.3.1; RFC 5890 §2.3.1): not the first byte of a label. */
  if (e > s && text[s] == '-') {
    /*@ assert !NameByteOk(text, n, s, policy); */
    *err_pos = s;
    return CABREF_NAME_HYPHEN_EDGE;
  }
  /* NAME-RLDH (RFC 5890 §2.3.1, BR 1.6.1 P-Label): "--" in positions 3 and 4 only in an
   * XN-label, whose prefix "xn" is case-independent. */
  if (e - s >= 4u && text[s + 2u] == '-' && text[s + 3u] == '-' &&
      !((text[s] == 'x' || text[s] == 'X') && (text[s + 1u] == 'n' || text[s + 1u] == 'N'))) {
    /*@ assert LabelStart(text, s + 3) == s; */
    /*@ assert !NameByteOk(text, n, s + 3, policy); */
    *err_pos = s + 2u;
    return CABREF_NAME_RESERVED_LDH;
  }
  /* NAME-LABEL-LEN (RFC 1035 §2.3.4): the 64th byte of a label is one too many. */
  if (e - s > CABREF_NAME_MAX_LABEL) {
    /*@ assert LabelStart(text, s + CABREF_NAME_MAX_LABEL) == s; */
    /*@ assert !NameByteOk(text, n, s + CABREF_NAME_MAX_LABEL, policy); */
    *err_pos = s + CABREF_NAME_MAX_LABEL;
    return CABREF_NAME_LABEL_TOO_LONG;
  }
  /*@ assert head: LabelHeadOk(text, s, e); */
  return CABREF_NAME_OK;
}

/* 1 iff the byte at i, neither LDH nor a dot, may stand there in the label starting at s whose
 * bytes before it are of their class (SlowOk): an underscore or the wildcard where allowed. */
/*@
  requires valid_text: \valid_read(text + (0 .. n - 1));
  requires range: 0 <= s <= i < n;
  requires other: !IsLdhChar(text[i]) && text[i] != '.';
  assigns \nothing;
  ensures ok: \result == 1 <==> SlowOk(text, n, s, i, policy);
  ensures flag: \result == 0 || \result == 1;
*/
static int slow_ok(const char *text, size_t n, size_t s, size_t i, uint32_t policy) {
  int c = text[i];
  if (i - s >= CABREF_NAME_MAX_LABEL || (i > s && text[s] == '-'))
    return 0;
  if (i - s >= 4u && text[s + 2u] == '-' && text[s + 3u] == '-' &&
      !((text[s] == 'x' || text[s] == 'X') && (text[s + 1u] == 'n' || text[s + 1u] == 'N')))
    return 0;
  if (c == '_')
    return (policy & CABREF_NAME_ALLOW_UNDERSCORE) != 0u;
  if (c == '*')
    return (policy & CABREF_NAME_ALLOW_WILDCARD) != 0u && i == 0u && n >= 2u && text[1] == '.';
  return 0;
}

/* The letters, digits, hyphens, and underscores and the wildcard where they may stand, of the
 * label that starts at s, up to m: the offset of the first other byte (a dot, m, or a byte that
 * is refused there). */
/*@
  requires valid_text: \valid_read(text + (0 .. n - 1));
  requires range: 0 <= s <= m <= n;
  requires start: LabelStart(text, s) == s;
  assigns \nothing;
  ensures range: s <= \result <= m;
  ensures in_label: InLabel(text, s, \result);
  ensures class: ClassRange(text, n, s, \result, policy);
  ensures stop: \result < m && text[\result] != '.' ==>
    !IsLdhChar(text[\result]) && !SlowOk(text, n, s, \result, policy);
*/
static size_t scan_label(const char *text, size_t n, size_t m, size_t s, uint32_t policy) {
  size_t j = s;
  /*@
    loop invariant range: s <= j <= m;
    loop invariant in_label: InLabel(text, s, j);
    loop invariant class: ClassRange(text, n, s, j, policy);
    loop assigns j;
    loop variant m - j;
  */
  for (;;) {
    j = scan_ldh(text, j, m, s);
    /*@ assert ldh: ClassRange(text, n, s, j, policy); */
    if (j == m || text[j] == '.' || slow_ok(text, n, s, j, policy) == 0)
      return j;
    /*@ assert next: LabelStart(text, j + 1) == s; */
    j++;
  }
}

/* The byte at i (i < n), neither a dot nor LDH, that stopped scan_label because it may not stand
 * there (not SlowOk): the code of the first offending byte, in *err_pos its offset. */
/*@
  requires valid_text: \valid_read(text + (0 .. len - 1));
  requires valid_pos: \valid(err_pos) && \separated(text + (0 .. len - 1), err_pos);
  requires lens: n <= len;
  requires range: 0 <= s <= i < n;
  requires in_label: InLabel(text, s, i);
  requires class: ClassRange(text, n, s, i, policy);
  requires other: !IsLdhChar(text[i]) && text[i] != '.';
  requires refused: !SlowOk(text, n, s, i, policy);
  assigns *err_pos;
  ensures error: \result != CABREF_NAME_OK && NameErrorAt(text, len, policy, \result, *err_pos);
  ensures bad: !ValidNameBody(text, n, policy);
*/
static cabref_name_error slow_byte(const char *text, size_t len, size_t n, size_t s, size_t i,
                                   uint32_t policy, size_t *err_pos) {
  int c = text[i];
  cabref_name_error e = label_check(text, n, s, i, policy, err_pos);
  (void)len; /* the contract's logic reads it */
  if (e != CABREF_NAME_OK) {
    /*@ assert label: NameErrorAt(text, len, policy, e, *err_pos); */
    return e;
  }
  /*@ assert at: LabelStart(text, i) == s; */
  /*@ assert head: LabelHeadOk(text, s, i); */
  /*@ assert !NameByteOk(text, n, i, policy); */
  *err_pos = i;
  /* NAME-LABEL-LEN: the 64th byte of a label, whatever it is. */
  if (i - s >= CABREF_NAME_MAX_LABEL) {
    /*@ assert too_long: NameErrorAt(text, len, policy, CABREF_NAME_LABEL_TOO_LONG, i); */
    return CABREF_NAME_LABEL_TOO_LONG;
  }
  /* NAME-UNDERSCORE (RFC 2181 §11; BR SC12): only where the policy allows it. */
  if (c == '_') {
    /*@ assert us: !AllowUnderscore(policy); */
    /*@ assert underscore: NameErrorAt(text, len, policy, CABREF_NAME_UNDERSCORE, i); */
    return CABREF_NAME_UNDERSCORE;
  }
  /* NAME-WILDCARD (BR 1.6.1 Wildcard Domain Name; RFC 4592 §2.1.1): "*." then a name, where the
   * policy allows it. */
  if (c == '*') {
    /*@ assert wildcard: NameErrorAt(text, len, policy, CABREF_NAME_BAD_WILDCARD, i); */
    return CABREF_NAME_BAD_WILDCARD;
  }
  /* NAME-ASCII: a NUL and bytes >= 0x80 have their own codes (a U-label must be converted by
   * the shell first); anything else is outside LDH. */
  if (c == 0) {
    /*@ assert nul: NameErrorAt(text, len, policy, CABREF_NAME_NUL, i); */
    return CABREF_NAME_NUL;
  }
  if (c >= 0 && c <= 127) {
    /*@ assert bad_char: NameErrorAt(text, len, policy, CABREF_NAME_BAD_CHAR, i); */
    return CABREF_NAME_BAD_CHAR;
  }
  /*@ assert non_ascii: NameErrorAt(text, len, policy, CABREF_NAME_NON_ASCII, i); */
  return CABREF_NAME_NON_ASCII;
}

/* 1 iff text[s .. e-1] is all digits (NAME-NUMERIC-TLD). */
/*@
  requires valid_text: \valid_read(text + (s .. e - 1));
  requires range: s <= e;
  assigns \nothing;
  ensures digits: \result == 1 <==> AllDigits(text, s, e);
  ensures flag: \result == 0 || \result == 1;
*/
static int all_digits(const char *text, size_t s, size_t e) {
  size_t p;
  /*@
    loop invariant range: s <= p <= e;
    loop invariant digits: AllDigits(text, s, p);
    loop assigns p;
    loop variant e - p;
  */
  for (p = s; p < e; p++) {
    if (text[p] < '0' || text[p] > '9')
      return 0;
  }
  return 1;
}

/* The label text[s .. i-1] ends at i: at a dot (i < m), or at m, the body's end or its 254th
 * byte. Its bytes are of their class; the bytes before s are valid. CABREF_NAME_OK iff the label
 * rules hold and, at the end of the body, the name is valid; else the code of the first
 * offending byte (in *err_pos its offset). m is the body's length n, or 253 if it is longer. */
/*@
  requires valid_text: \valid_read(text + (0 .. len - 1));
  requires valid_pos: \valid(err_pos) && \separated(text + (0 .. len - 1), err_pos);
  requires lens: 1 <= n <= len && n == NameLen(text, len, policy);
  requires m_def: m == (n < CABREF_NAME_MAX_TEXT ? n : CABREF_NAME_MAX_TEXT);
  requires range: 0 <= s <= i <= m;
  requires stop: i < m ==> text[i] == '.';
  requires in_label: InLabel(text, s, i);
  requires prefix: \forall integer p; 0 <= p < s ==> NameByteOk(text, n, p, policy);
  requires class: ClassRange(text, n, s, i, policy);
  requires room: n == len ==> s < n;
  assigns *err_pos;
  ensures label: \result == CABREF_NAME_OK ==> ValidLabel(text, s, i, policy);
  ensures more: \result == CABREF_NAME_OK && i < n ==>
    i < m && text[i] == '.' && (n == len ==> i + 1 < n) &&
    (\forall integer p; 0 <= p <= i ==> NameByteOk(text, n, p, policy));
  ensures last: \result == CABREF_NAME_OK && i == n ==> ValidNameBody(text, n, policy);
  ensures error: \result != CABREF_NAME_OK ==> NameErrorAt(text, len, policy, \result, *err_pos);
  ensures bad: \result != CABREF_NAME_OK ==> !ValidNameBody(text, n, policy);
*/
static cabref_name_error end_label(const char *text, size_t len, size_t n, size_t m, size_t s,
                                   size_t i, uint32_t policy, size_t *err_pos) {
  cabref_name_error e = label_check(text, n, s, i, policy, err_pos);
  if (e != CABREF_NAME_OK) {
    /*@ assert bad_label: !ValidNameBody(text, n, policy); */
    /*@ assert label: NameErrorAt(text, len, policy, e, *err_pos); */
    return e;
  }
  /* NAME-TEXT-LEN (RFC 1035 §2.3.4, RFC 2181 §11): at most 253 bytes of text, the 255 octets of
   * the wire form less the first length octet and the root. */
  if (i == m && m < n) {
    /*@ assert bad_too_long: !ValidNameBody(text, n, policy); */
    /*@ assert too_long: NameErrorAt(text, len, policy, CABREF_NAME_TOO_LONG, i); */
    *err_pos = i;
    return CABREF_NAME_TOO_LONG;
  }
  /*@ assert at: LabelStart(text, i) == s; */
  /* NAME-EMPTY-LABEL (RFC 1035 §3.1: only the root label is empty): "a..b", a leading dot, a
   * dot after the trailing dot. */
  if (i == s) {
    /*@ assert i < n ==> !NameByteOk(text, n, i, policy); */
    /*@ assert bad_empty: !ValidNameBody(text, n, policy); */
    /*@ assert empty: NameErrorAt(text, len, policy, CABREF_NAME_EMPTY_LABEL, i); */
    *err_pos = i;
    return CABREF_NAME_EMPTY_LABEL;
  }
  /*@ assert star: text[s] == '*' ==> s == 0 && 1 < n && text[1] == '.' && i == s + 1; */
  /* NAME-HYPHEN: no hyphen at the end of a label. */
  if (text[i - 1u] == '-') {
    /*@ assert i < n ==> !NameByteOk(text, n, i, policy); */
    /*@ assert bad_hyphen: !ValidNameBody(text, n, policy); */
    /*@ assert hyphen: NameErrorAt(text, len, policy, CABREF_NAME_HYPHEN_EDGE, i - 1); */
    *err_pos = i - 1u;
    return CABREF_NAME_HYPHEN_EDGE;
  }
  /*@ assert valid_label: ValidLabel(text, s, i, policy); */
  if (i < n) {
    /*@ assert dot: NameByteOk(text, n, i, policy); */
    /* NAME-TRAILING-DOT: a dot as the last byte where the policy refuses it. */
    if (i == len - 1u) {
      /*@ assert LabelStart(text, n) == n; */
      /*@ assert bad_trailing: !ValidNameBody(text, n, policy); */
      /*@ assert trailing: NameErrorAt(text, len, policy, CABREF_NAME_TRAILING_DOT, i); */
      *err_pos = i;
      return CABREF_NAME_TRAILING_DOT;
    }
    return CABREF_NAME_OK;
  }
  /* NAME-NUMERIC-TLD (RFC 3696 §2; RFC 1123 §2.1): a rightmost label of digits only is not a
   * host name (it would read as part of an IPv4 address). */
  if (all_digits(text, s, i) != 0) {
    /*@ assert bad_numeric: !ValidNameBody(text, n, policy); */
    /*@ assert numeric: NameErrorAt(text, len, policy, CABREF_NAME_ALL_NUMERIC_TLD, s); */
    *err_pos = s;
    return CABREF_NAME_ALL_NUMERIC_TLD;
  }
  return CABREF_NAME_OK;
}

/* 1 iff the label text[s .. e-1] starts "xn--" in any case (NAME-RLDH: an XN-label). */
/*@
  requires valid_text: \valid_read(text + (s .. e - 1));
  requires range: s < e;
  assigns \nothing;
  ensures flag: \result == 0 || \result == 1;
*/
static int xn_label(const char *text, size_t s, size_t e) {
  /* The rare test first: the length test alone would be mispredicted for random lengths. */
  return (text[s] == 'x' || text[s] == 'X') && e - s >= 4u &&
         (text[s + 1u] == 'n' || text[s + 1u] == 'N') && text[s + 2u] == '-' && text[s + 3u] == '-';
}

/* Closes the label [start, i) as label k of *out: writes its span. The labels before it end at
 * the dot before start. */
/*@
  requires valid_text: \valid_read(text + (0 .. i - 1));
  requires valid_out: \valid(out);
  requires separated: \separated(text + (0 .. i - 1), out);
  requires count: k < CABREF_NAME_MAX_LABELS;
  requires range: 0 <= start < i <= CABREF_NAME_MAX_TEXT && i - start <= CABREF_NAME_MAX_LABEL;
  requires first: k == 0 ==> start == 0;
  requires before: k > 0 ==> Spans(text, out, k, start - 1, policy) && text[start - 1] == '.';
  requires label: ValidLabel(text, start, i, policy);
  assigns out->labels[k];
  ensures spans: Spans(text, out, k + 1, i, policy);
*/
static void close_label(const char *text, cabref_name *out, size_t k, size_t start, size_t i,
                        uint32_t policy) {
  (void)text; /* the contract's logic reads them */
  (void)policy;
  out->labels[k].off = (uint16_t)start;
  out->labels[k].len = (uint8_t)(i - start);
  /*@ assert new: out->labels[k].off == start && out->labels[k].len == i - start; */
  /*@ assert old: \forall integer j; 0 <= j < k ==>
        out->labels[j].off == \at(out->labels[j].off, Pre) &&
        out->labels[j].len == \at(out->labels[j].len, Pre); */
  /*@ assert first_off: out->labels[0].off == 0; */
  /*@ assert lens: \forall integer j; 0 <= j < k + 1 ==>
        1 <= out->labels[j].len <= CABREF_NAME_MAX_LABEL &&
        out->labels[j].off + out->labels[j].len <= i; */
  /*@ assert valid_pre: \forall integer j; 0 <= j < k ==>
        ValidLabel(text, \at(out->labels[j].off, Pre),
                   \at(out->labels[j].off, Pre) + \at(out->labels[j].len, Pre), policy); */
  /*@ assert valid_eq: \forall integer j; 0 <= j < k ==>
        (ValidLabel(text, out->labels[j].off, out->labels[j].off + out->labels[j].len, policy) <==>
         ValidLabel(text, \at(out->labels[j].off, Pre),
                    \at(out->labels[j].off, Pre) + \at(out->labels[j].len, Pre), policy)); */
  /*@ assert valid_old: \forall integer j; 0 <= j < k ==>
        ValidLabel(text, out->labels[j].off, out->labels[j].off + out->labels[j].len, policy); */
  /*@ assert valid_new:
        ValidLabel(text, out->labels[k].off, out->labels[k].off + out->labels[k].len, policy); */
  /*@ assert valid: \forall integer j; 0 <= j < k + 1 ==>
        ValidLabel(text, out->labels[j].off, out->labels[j].off + out->labels[j].len, policy); */
  /*@ assert dots_pre: \forall integer j; 0 <= j < k - 1 ==>
        text[\at(out->labels[j].off, Pre) + \at(out->labels[j].len, Pre)] == '.' &&
        \at(out->labels[j + 1].off, Pre) ==
          \at(out->labels[j].off, Pre) + \at(out->labels[j].len, Pre) + 1; */
  /*@ assert old_next: \forall integer j; 0 <= j < k - 1 ==>
        out->labels[j].off == \at(out->labels[j].off, Pre) &&
        out->labels[j].len == \at(out->labels[j].len, Pre) &&
        out->labels[j + 1].off == \at(out->labels[j + 1].off, Pre); */
  /*@ assert dots_old_text: \forall integer j; 0 <= j < k - 1 ==>
        text[out->labels[j].off + out->labels[j].len] == '.'; */
  /*@ assert dots_old_next: \forall integer j; 0 <= j < k - 1 ==>
        out->labels[j + 1].off == out->labels[j].off + out->labels[j].len + 1; */
  /*@ assert last_dot: k > 0 ==>
        text[out->labels[k - 1].off + out->labels[k - 1].len] == '.' &&
        out->labels[k].off == out->labels[k - 1].off + out->labels[k - 1].len + 1; */
  /*@ assert dots_text: \forall integer j; 0 <= j < k ==>
        text[out->labels[j].off + out->labels[j].len] == '.'; */
  /*@ assert dots_next: \forall integer j; 0 <= j < k ==>
        out->labels[j + 1].off == out->labels[j].off + out->labels[j].len + 1; */
}

/* The number of XN-labels among the k labels of *out (NAME-RLDH), for the shell's A-label check. */
/*@
  requires valid_text: \valid_read(text + (0 .. n - 1));
  requires valid_out: \valid_read(out);
  requires spans: Spans(text, out, k, n, policy);
  assigns \nothing;
  ensures count: \result <= k;
*/
static uint8_t count_xn(const char *text, size_t n, const cabref_name *out, size_t k,
                        uint32_t policy) {
  size_t j;
  uint8_t c = 0;
  (void)n; /* the contract's logic reads them */
  (void)policy;
  /*@
    loop invariant range: 0 <= j <= k;
    loop invariant count: c <= j;
    loop assigns j, c;
    loop variant k - j;
  */
  for (j = 0; j < k; j++) {
    size_t o = out->labels[j].off;
    c = (uint8_t)(c + (uint8_t)xn_label(text, o, o + out->labels[j].len));
  }
  return c;
}

/* 1 iff text[0 .. n-1] holds an underscore. */
/*@
  requires valid_text: \valid_read(text + (0 .. n - 1));
  assigns \nothing;
  ensures found: \result == 1 <==> (\exists integer p; 0 <= p < n && text[p] == '_');
  ensures flag: \result == 0 || \result == 1;
*/
static uint8_t has_underscore(const char *text, size_t n) {
  size_t p;
  /*@
    loop invariant range: 0 <= p <= n;
    loop invariant none: \forall integer q; 0 <= q < p ==> text[q] != '_';
    loop assigns p;
    loop variant n - p;
  */
  for (p = 0; p < n; p++) {
    if (text[p] == '_')
      return 1;
  }
  return 0;
}

/* Fills the name's header once its k labels (the last ending at n) are written. */
/*@
  requires valid_text: \valid_read(text + (0 .. n - 1));
  requires valid_out: \valid(out);
  requires separated: \separated(text + (0 .. n - 1), out);
  requires range: 1 <= n <= CABREF_NAME_MAX_TEXT;
  requires spans: Spans(text, out, k, n, policy);
  assigns out->text_len, out->n_labels, out->wildcard, out->underscore, out->xn_labels;
  ensures parsed: ParsedBody(text, n, policy, out);
*/
static void finish(const char *text, size_t n, cabref_name *out, size_t k, uint32_t policy) {
  uint8_t xn = count_xn(text, n, out, k, policy);
  uint8_t us = 0;
  /* NAME-UNDERSCORE: only a policy that allows it can have let an underscore through. */
  if ((policy & CABREF_NAME_ALLOW_UNDERSCORE) != 0u)
    us = has_underscore(text, n);
  out->text_len = (uint16_t)n;
  out->n_labels = (uint8_t)k;
  out->wildcard = (uint8_t)(text[0] == '*' ? 1u : 0u);
  out->underscore = us;
  out->xn_labels = xn;
  /*@ assert same: \forall integer j; 0 <= j < CABREF_NAME_MAX_LABELS ==>
        out->labels[j].off == \at(out->labels[j].off, Pre) &&
        out->labels[j].len == \at(out->labels[j].len, Pre); */
  /*@ assert first_off: out->labels[0].off == 0; */
  /*@ assert last_end: out->labels[k - 1].off + out->labels[k - 1].len == n; */
  /*@ assert lens: \forall integer j; 0 <= j < k ==>
        1 <= out->labels[j].len <= CABREF_NAME_MAX_LABEL &&
        out->labels[j].off + out->labels[j].len <= n; */
  /*@ assert dots_pre: \forall integer j; 0 <= j < k - 1 ==>
        text[\at(out->labels[j].off, Pre) + \at(out->labels[j].len, Pre)] == '.' &&
        \at(out->labels[j + 1].off, Pre) ==
          \at(out->labels[j].off, Pre) + \at(out->labels[j].len, Pre) + 1; */
  /*@ assert dots: \forall integer j; 0 <= j < k - 1 ==>
        text[out->labels[j].off + out->labels[j].len] == '.' &&
        out->labels[j + 1].off == out->labels[j].off + out->labels[j].len + 1; */
  /*@ assert valid_pre: \forall integer j; 0 <= j < k ==>
        ValidLabel(text, \at(out->labels[j].off, Pre),
                   \at(out->labels[j].off, Pre) + \at(out->labels[j].len, Pre), policy); */
  /*@ assert valid_eq: \forall integer j; 0 <= j < k ==>
        (ValidLabel(text, out->labels[j].off, out->labels[j].off + out->labels[j].len, policy) <==>
         ValidLabel(text, \at(out->labels[j].off, Pre),
                    \at(out->labels[j].off, Pre) + \at(out->labels[j].len, Pre), policy)); */
  /*@ assert valid: \forall integer j; 0 <= j < k ==>
        ValidLabel(text, out->labels[j].off, out->labels[j].off + out->labels[j].len, policy); */
  /*@ assert spans: Spans(text, out, k, n, policy); */
  /*@ assert count: out->n_labels == k && out->xn_labels <= out->n_labels; */
  /*@ assert cover: SpansCover(text, out, n); */
  /*@ assert labels: \forall integer j; 0 <= j < out->n_labels ==>
        ValidLabel(text, out->labels[j].off, out->labels[j].off + out->labels[j].len, policy); */
  /*@ assert wildcard: out->wildcard == 1 <==> text[out->labels[0].off] == '*'; */
  /*@ assert flags: (out->wildcard == 0 || out->wildcard == 1) &&
        (out->underscore == 0 || out->underscore == 1); */
  /*@ assert underscore: out->underscore == 1 <==>
        (AllowUnderscore(policy) && \exists integer p; 0 <= p < n && text[p] == '_'); */
}

/* NAME-VALID, NAME-SPANS, NAME-ERROR, NAME-TEXT-LEN, NAME-LABEL-LEN, NAME-EMPTY-LABEL, NAME-LDH,
 * NAME-HYPHEN, NAME-RLDH, NAME-UNDERSCORE, NAME-WILDCARD, NAME-TRAILING-DOT, NAME-ASCII,
 * NAME-NUMERIC-TLD. */
cabref_name_error cabref_name_parse(const char *text, size_t len, uint32_t policy, cabref_name *out,
                                    size_t *err_pos) {
  size_t n = len;
  size_t m;
  size_t s = 0;
  size_t k = 0;

  /* NAME-TRAILING-DOT (RFC 1034 §3.1: a trailing dot marks the root; BR 7.1.2.7.12 forbids it in
   * certificates): one trailing dot is dropped only where the policy allows it. */
  if (len >= 1u && text[len - 1u] == '.' && (policy & CABREF_NAME_ALLOW_TRAILING_DOT) != 0u)
    n = len - 1u;
  /*@ assert name_len: n == NameLen(text, len, policy); */
  /* NAME-EMPTY: no bytes, or nothing but the root's dot. */
  if (n == 0u || (len == 1u && text[0] == '.')) {
    /*@ assert n != 0 ==> !NameByteOk(text, n, 0, policy); */
    *err_pos = 0;
    return CABREF_NAME_EMPTY;
  }
  /* Bytes from the 254th on are never looked at (NAME-TEXT-LEN, end_label). */
  m = n < CABREF_NAME_MAX_TEXT ? n : CABREF_NAME_MAX_TEXT;

  /*@
    loop invariant range: 0 <= s <= m;
    loop invariant start: LabelStart(text, s) == s;
    loop invariant prefix: \forall integer p; 0 <= p < s ==> NameByteOk(text, n, p, policy);
    loop invariant room: n == len ==> s < n;
    loop invariant count: 2 * k <= s;
    loop invariant first: k == 0 ==> s == 0;
    loop invariant labels: k > 0 ==> Spans(text, out, k, s - 1, policy) && text[s - 1] == '.';
    loop assigns s, k, out->labels[0 .. CABREF_NAME_MAX_LABELS - 1], *err_pos;
    loop variant m - s;
  */
  for (;;) {
    cabref_name_error e;
    /* The label starting at s: its letters, digits and hyphens in a tight loop (scan_ldh). */
    size_t i = scan_label(text, n, m, s, policy);
    if (i < m && text[i] != '.')
      return slow_byte(text, len, n, s, i, policy, err_pos);
    /* The label [s, i) ends here, at a dot or at the end of the body. */
    e = end_label(text, len, n, m, s, i, policy, err_pos);
    if (e != CABREF_NAME_OK)
      return e;
    close_label(text, out, k, s, i, policy);
    k++;
    if (i == n) {
      finish(text, n, out, k, policy);
      return CABREF_NAME_OK;
    }
    s = i + 1u;
  }
}

/* NAME-EQUAL (RFC 4343 §3: ASCII case-insensitive comparison of labels). */
int cabref_label_equal(const char *a_text, cabref_label a, const char *b_text, cabref_label b) {
  size_t ao = a.off;
  size_t bo = b.off;
  size_t l = a.len;
  size_t k;
  if (a.len != b.len)
    return 0;
  /*@
    loop invariant range: 0 <= k <= l;
    loop invariant equal: LabelEq(a_text, a.off, k, b_text, b.off, k);
    loop assigns k;
    loop variant l - k;
  */
  for (k = 0; k < l; k++) {
    int x = a_text[ao + k];
    int y = b_text[bo + k];
    int lx = (x >= 'A' && x <= 'Z') ? x + 32 : x;
    int ly = (y >= 'A' && y <= 'Z') ? y + 32 : y;
    /*@ assert lower: lx == ToLower(a_text[ao + k]) && ly == ToLower(b_text[bo + k]); */
    if (lx != ly) {
      /*@ assert differ: !LabelEq(a_text, a.off, a.len, b_text, b.off, b.len); */
      return 0;
    }
    /*@ assert step: ToLower(a_text[a.off + k]) == ToLower(b_text[b.off + k]); */
    /*@ assert upto: \forall integer p; 0 <= p <= k ==>
          ToLower(a_text[a.off + p]) == ToLower(b_text[b.off + p]); */
  }
  /*@ assert same: LabelEq(a_text, a.off, a.len, b_text, b.off, b.len); */
  return 1;
}

/* NAME-SUFFIX: the labels of b are the rightmost labels of a (label by label, NAME-EQUAL). */
int cabref_name_is_suffix(const char *a_text, const cabref_name *a, const char *b_text,
                          const cabref_name *b) {
  size_t j;
  size_t d;
  if (b->n_labels > a->n_labels)
    return 0;
  d = (size_t)a->n_labels - (size_t)b->n_labels;
  /*@
    loop invariant range: 0 <= j <= b->n_labels;
    loop invariant equal: LabelSuffixUpTo(a_text, a, b_text, b, j);
    loop assigns j;
    loop variant b->n_labels - j;
  */
  for (j = 0; j < b->n_labels; j++) {
    /*@ assert \valid_read(a_text + (a->labels[d + j].off ..
                                     a->labels[d + j].off + a->labels[d + j].len - 1)); */
    /*@ assert \valid_read(b_text + (b->labels[j].off .. b->labels[j].off + b->labels[j].len - 1));
     */
    if (cabref_label_equal(a_text, a->labels[d + j], b_text, b->labels[j]) == 0) {
      /*@ assert !LabelSuffix(a_text, a, b_text, b); */
      return 0;
    }
  }
  return 1;
}
