/* cabref: domain names as text (spec/names.md NAME-*), the proven core.
 *
 * One pass, left to right, over the name without its optional trailing dot. A label ends at a
 * dot or at the end; every byte is judged where it stands, so the first offending byte gives the
 * error and its position. Contracts: ref/include/cabref/name.h; logic: spec/name_logic.h.
 */
#include "cabref/name.h"

/* The byte at i, not a dot, in the label that starts at start, of a name body of n bytes:
 * CABREF_NAME_OK iff NameByteOk, else the code of the first rule it breaks. */
/*@
  requires valid_text: \valid_read(text + (0 .. n - 1));
  requires range: start <= i < n;
  requires start_def: start == LabelStart(text, i);
  requires not_dot: text[i] != '.';
  assigns \nothing;
  ensures ok: \result == CABREF_NAME_OK <==> NameByteOk(text, n, i, policy);
  ensures label_ok: \result == CABREF_NAME_OK ==> LabelByteOk(text, start, i, policy);
  ensures codes: \result == CABREF_NAME_OK || \result == CABREF_NAME_LABEL_TOO_LONG ||
    \result == CABREF_NAME_HYPHEN_EDGE || \result == CABREF_NAME_RESERVED_LDH ||
    \result == CABREF_NAME_UNDERSCORE || \result == CABREF_NAME_BAD_WILDCARD ||
    \result == CABREF_NAME_NUL || \result == CABREF_NAME_NON_ASCII ||
    \result == CABREF_NAME_BAD_CHAR;
  ensures label_too_long: \result == CABREF_NAME_LABEL_TOO_LONG ==>
    i - start >= CABREF_NAME_MAX_LABEL;
  ensures nul: \result == CABREF_NAME_NUL ==> text[i] == 0;
  ensures non_ascii: \result == CABREF_NAME_NON_ASCII ==> text[i] < 0 || text[i] > 127;
  ensures bad_char: \result == CABREF_NAME_BAD_CHAR ==>
    !IsLdhChar(text[i]) && text[i] != '.' && text[i] != '_' && text[i] != '*' &&
    text[i] != 0 && 0 <= text[i] <= 127;
  ensures hyphen_edge: \result == CABREF_NAME_HYPHEN_EDGE ==> text[i] == '-' && i == start;
  ensures reserved_ldh: \result == CABREF_NAME_RESERVED_LDH ==>
    text[i] == '-' && text[i - 1] == '-' && i - start == 3 && !XnPrefix(text, start);
  ensures bad_wildcard: \result == CABREF_NAME_BAD_WILDCARD ==> text[i] == '*';
  ensures underscore: \result == CABREF_NAME_UNDERSCORE ==>
    text[i] == '_' && !AllowUnderscore(policy);
*/
static cabref_name_error check_byte(const char *text, size_t n, size_t start, size_t i,
                                    uint32_t policy) {
  int c = text[i];
  /* NAME-LABEL-LEN (RFC 1035 §2.3.4): at most 63 bytes per label. */
  if (i - start >= CABREF_NAME_MAX_LABEL) {
    return CABREF_NAME_LABEL_TOO_LONG;
  }
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
    /* NAME-LDH (RFC 1035 §2.3.1; RFC 1123 §2.1): letters ... */
  } else if (c >= '0' && c <= '9') {
    /* ... and digits, anywhere in a label. */
    return CABREF_NAME_OK;
  } else if (c == '-') {
    /* NAME-HYPHEN: not the first byte of a label. */
    if (i == start) {
      return CABREF_NAME_HYPHEN_EDGE;
    }
    /* NAME-RLDH (RFC 5890 §2.3.1, BR 1.6.1 P-Label): "--" in positions 3 and 4 only in an
     * XN-label, whose prefix "xn" is case-independent. */
    if (i - start == 3u && text[i - 1u] == '-' &&
        !((text[start] == 'x' || text[start] == 'X') &&
          (text[start + 1u] == 'n' || text[start + 1u] == 'N'))) {
      return CABREF_NAME_RESERVED_LDH;
    }
  } else if (c == '_') {
    /* NAME-UNDERSCORE (RFC 2181 §11; BR SC12): only where the policy allows it. */
    if ((policy & CABREF_NAME_ALLOW_UNDERSCORE) == 0u) {
      return CABREF_NAME_UNDERSCORE;
    }
  } else if (c == '*') {
    /* NAME-WILDCARD (BR 1.6.1 Wildcard Domain Name; RFC 4592 §2.1.1): "*." then a name. */
    if ((policy & CABREF_NAME_ALLOW_WILDCARD) == 0u || i != 0u || n < 2u || text[1] != '.') {
      return CABREF_NAME_BAD_WILDCARD;
    }
  } else if (c == 0) {
    /* NAME-ASCII: a NUL is refused with its own code. */
    return CABREF_NAME_NUL;
  } else if (c < 0 || c > 127) {
    /* NAME-ASCII: bytes >= 0x80 (a U-label must be converted by the shell first). */
    return CABREF_NAME_NON_ASCII;
  } else {
    return CABREF_NAME_BAD_CHAR;
  }
  return CABREF_NAME_OK;
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
}

/* Fills the name's header once its k labels (the last ending at n) are written. */
/*@
  requires valid_text: \valid_read(text + (0 .. n - 1));
  requires valid_out: \valid(out);
  requires separated: \separated(text + (0 .. n - 1), out);
  requires range: 1 <= n <= CABREF_NAME_MAX_TEXT;
  requires spans: Spans(text, out, k, n, policy);
  requires xn_count: xn <= k;
  requires us_flag: us != 0 ==> AllowUnderscore(policy);
  assigns out->text_len, out->n_labels, out->wildcard, out->underscore, out->xn_labels;
  ensures text_len: out->text_len == n;
  ensures wildcard: out->wildcard == 1 <==>
    (out->labels[0].len == 1 && text[out->labels[0].off] == '*');
  ensures wildcard_flag: out->wildcard == 0 || out->wildcard == 1;
  ensures underscore_flag: out->underscore != 0 ==> AllowUnderscore(policy);
  ensures xn_count: out->xn_labels <= out->n_labels;
*/
static void finish(const char *text, size_t n, cabref_name *out, size_t k, uint8_t xn, uint8_t us,
                   uint32_t policy) {
  (void)policy; /* the contract's logic reads it */
  out->text_len = (uint16_t)n;
  out->n_labels = (uint8_t)k;
  out->wildcard = (uint8_t)(text[0] == '*' ? 1u : 0u);
  out->underscore = us;
  out->xn_labels = xn;
}

/* NAME-VALID, NAME-SPANS, NAME-ERROR, NAME-TEXT-LEN, NAME-LABEL-LEN, NAME-EMPTY-LABEL, NAME-LDH,
 * NAME-HYPHEN, NAME-RLDH, NAME-UNDERSCORE, NAME-WILDCARD, NAME-TRAILING-DOT, NAME-ASCII,
 * NAME-NUMERIC-TLD. */
cabref_name_error cabref_name_parse(const char *text, size_t len, uint32_t policy, cabref_name *out,
                                    size_t *err_pos) {
  size_t n = len;
  size_t i;
  size_t start = 0;
  size_t k = 0;
  int all_digit = 1;
  uint8_t xn = 0;
  uint8_t us = 0;

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

  /*@
    loop invariant range: 0 <= start <= i <= n && i <= CABREF_NAME_MAX_TEXT;
    loop invariant start_def: start == LabelStart(text, i);
    loop invariant prefix: \forall integer p; 0 <= p < i ==> NameByteOk(text, n, p, policy);
    loop invariant current: \forall integer p; start <= p < i ==>
      text[p] != '.' && LabelByteOk(text, start, p, policy);
    loop invariant cur_len: i - start <= CABREF_NAME_MAX_LABEL;
    loop invariant digits: all_digit == 0 || all_digit == 1;
    loop invariant digits_def: all_digit == 1 <==> AllDigits(text, start, i);
    loop invariant count: 2 * k <= start && k < CABREF_NAME_MAX_LABELS;
    loop invariant first: k == 0 ==> start == 0;
    loop invariant labels: k > 0 ==>
      Spans(text, out, k, start - 1, policy) && text[start - 1] == '.';
    loop invariant xn_count: xn <= k;
    loop invariant us_flag: us != 0 ==> AllowUnderscore(policy);
    loop invariant no_trailing: (n == len && i == len && 0 < i) ==> text[i - 1] != '.';
    loop assigns i, start, k, all_digit, xn, us, *out, *err_pos;
    loop variant CABREF_NAME_MAX_TEXT - i;
  */
  for (i = 0;; i++) {
    /* NAME-TEXT-LEN (RFC 1035 §2.3.4, RFC 2181 §11): at most 253 bytes of text, the 255 octets of
     * the wire form less the first length octet and the root. */
    if (i < n && i >= CABREF_NAME_MAX_TEXT) {
      *err_pos = i;
      return CABREF_NAME_TOO_LONG;
    }
    if (i == n || text[i] == '.') {
      /* The label [start, i) ends here. NAME-EMPTY-LABEL (RFC 1035 §3.1: only the root label is
       * empty): "a..b", a leading dot, a dot after the trailing dot. */
      if (i == start) {
        /*@ assert i < n ==> !NameByteOk(text, n, i, policy); */
        /*@ assert k > 0 ==> text[i - 1] == '.'; */
        /*@ assert empty_pos: i < len; */
        *err_pos = i;
        return CABREF_NAME_EMPTY_LABEL;
      }
      /* NAME-HYPHEN (RFC 1035 §2.3.1, RFC 5890 §2.3.1 LDH label): no hyphen at the end. */
      if (text[i - 1u] == '-') {
        /*@ assert i < n ==> !NameByteOk(text, n, i, policy); */
        *err_pos = i - 1u;
        return CABREF_NAME_HYPHEN_EDGE;
      }
      /* NAME-TRAILING-DOT: a dot as the last byte where the policy refuses it. */
      if (i < n && i == len - 1u) {
        *err_pos = i;
        return CABREF_NAME_TRAILING_DOT;
      }
      /*@ assert star: text[start] == '*' ==> start == 0 && 1 < n && text[1] == '.'; */
      /*@ assert star_len: text[start] == '*' ==> i == start + 1; */
      /*@ assert label_ok: ValidLabel(text, start, i, policy); */
      close_label(text, out, k, start, i, policy);
      /* NAME-RLDH: count the XN-labels (RFC 5890 §2.3.1) for the shell's A-label check. */
      if (i - start >= 4u && (text[start] == 'x' || text[start] == 'X') &&
          (text[start + 1u] == 'n' || text[start + 1u] == 'N') && text[start + 2u] == '-' &&
          text[start + 3u] == '-')
        xn = (uint8_t)(xn + 1u);
      k++;
      if (i == n) {
        /* NAME-NUMERIC-TLD (RFC 3696 §2; RFC 1123 §2.1): a rightmost label of digits only is
         * not a host name (it would read as part of an IPv4 address). */
        if (all_digit != 0) {
          *err_pos = start;
          return CABREF_NAME_ALL_NUMERIC_TLD;
        }
        /*@ assert valid: ValidNameBody(text, n, policy); */
        finish(text, n, out, k, xn, us, policy);
        return CABREF_NAME_OK;
      }
      /*@ assert dot_ok: NameByteOk(text, n, i, policy); */
      start = i + 1u;
      all_digit = 1;
    } else {
      /* Any other byte: judged where it stands (check_byte). */
      cabref_name_error e = check_byte(text, n, start, i, policy);
      if (e != CABREF_NAME_OK) {
        *err_pos = e == CABREF_NAME_RESERVED_LDH ? i - 1u : i;
        return e;
      }
      if (text[i] == '_')
        us = 1u;
      if (text[i] < '0' || text[i] > '9')
        all_digit = 0;
    }
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
