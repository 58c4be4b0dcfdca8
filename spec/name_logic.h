/* cabref: the logic of spec/names.md, in ACSL, for the contracts of ref/include/cabref/name.h.
 *
 * ACSL only: a C compiler sees nothing but comments. name.h includes this file after its type
 * definitions when __FRAMAC__ is defined. Everything is a definition (no axiomatic blocks).
 * Bytes are compared with character constants; every byte that can be valid is ASCII, so the
 * signedness of char does not matter to validity.
 *
 * The validity of a whole name is stated byte by byte (NameByteOk at every offset), with
 * LabelStart(t, i) the offset of the first byte of the label that holds (or ends at) offset i.
 * The validity of one label span is ValidLabel; the parser proves both.
 */
#ifndef CABREF_NAME_LOGIC_H
#define CABREF_NAME_LOGIC_H

/*@
  // ---- Policy bits (name.h) -----------------------------------------------------------------
  predicate AllowWildcard(integer policy) = (policy & CABREF_NAME_ALLOW_WILDCARD) != 0;
  predicate AllowUnderscore(integer policy) = (policy & CABREF_NAME_ALLOW_UNDERSCORE) != 0;
  predicate AllowTrailingDot(integer policy) = (policy & CABREF_NAME_ALLOW_TRAILING_DOT) != 0;

  // ---- Bytes (NAME-LDH) ---------------------------------------------------------------------
  predicate IsLetter(integer c) = ('a' <= c <= 'z') || ('A' <= c <= 'Z');
  predicate IsDigit(integer c) = '0' <= c <= '9';
  predicate IsLdhChar(integer c) = IsLetter(c) || IsDigit(c) || c == '-';

  // RFC 4343: ASCII case folding, letters only.
  logic integer ToLower(integer c) = ('A' <= c <= 'Z') ? c + 32 : c;

  // ---- Labels (NAME-LABEL-*, NAME-RLDH, NAME-UNDERSCORE, NAME-WILDCARD) ----------------------

  // NAME-RLDH: the label starting at s begins "xn" in any case.
  predicate XnPrefix{L}(char *t, integer s) =
    (t[s] == 'x' || t[s] == 'X') && (t[s + 1] == 'n' || t[s + 1] == 'N');

  // The byte at k of a label starting at s, as far as it can be judged without knowing where
  // the label ends: a letter or digit; a hyphen that is not the first byte and is not the
  // second hyphen of "--" in positions 3-4 of a label other than "xn--"; an underscore if the
  // policy allows it; an asterisk as the first byte of the name if the policy allows it.
  predicate LabelByteOk{L}(char *t, integer s, integer k, integer policy) =
    IsLetter(t[k]) || IsDigit(t[k]) ||
    (t[k] == '-' && k != s && !(k - s == 3 && t[k - 1] == '-' && !XnPrefix(t, s))) ||
    (t[k] == '_' && AllowUnderscore(policy)) ||
    (t[k] == '*' && AllowWildcard(policy) && k == 0);

  // NAME-LABEL-LEN, NAME-LDH, NAME-HYPHEN, NAME-RLDH, NAME-WILDCARD: the span [s, e) is a valid
  // label under the policy: 1..63 bytes, each acceptable, not ending in a hyphen, and a label
  // starting with '*' is exactly "*".
  predicate ValidLabel{L}(char *t, integer s, integer e, integer policy) =
    0 <= s < e && e - s <= CABREF_NAME_MAX_LABEL && t[e - 1] != '-' &&
    (t[s] == '*' ==> e == s + 1) &&
    \forall integer k; s <= k < e ==> LabelByteOk(t, s, k, policy);

  // ---- Names (NAME-TEXT-LEN, NAME-EMPTY-LABEL, NAME-TRAILING-DOT, NAME-NUMERIC-TLD) ---------

  // The offset of the first byte of the label holding offset i (for a dot at i: of the label
  // the dot ends; for i = n: of the last label).
  logic integer LabelStart{L}(char *t, integer i) =
    i <= 0 ? 0 : (t[i - 1] == '.' ? i : LabelStart(t, i - 1));

  // NAME-TRAILING-DOT: the length of the name without the one trailing dot the policy allows.
  logic integer NameLen{L}(char *t, integer len, integer policy) =
    (len >= 1 && t[len - 1] == '.' && (policy & CABREF_NAME_ALLOW_TRAILING_DOT) != 0) ? len - 1
                                                                               : len;

  predicate AllDigits{L}(char *t, integer s, integer e) =
    \forall integer k; s <= k < e ==> IsDigit(t[k]);

  // The byte at offset i of a name of n bytes: a dot ends a non-empty label that does not end
  // in a hyphen; any other byte is at most the 63rd of its label, acceptable there, and an
  // asterisk is followed by a dot.
  predicate NameByteOk{L}(char *t, integer n, integer i, integer policy) =
    t[i] == '.' ? (LabelStart(t, i) < i && t[i - 1] != '-')
                : (i - LabelStart(t, i) < CABREF_NAME_MAX_LABEL &&
                   LabelByteOk(t, LabelStart(t, i), i, policy) &&
                   (t[i] == '*' ==> 1 < n && t[1] == '.'));

  // NAME-VALID: the text t[0 .. len-1] is a valid name under the policy.
  predicate ValidNameBody{L}(char *t, integer n, integer policy) =
    1 <= n <= CABREF_NAME_MAX_TEXT &&
    (\forall integer i; 0 <= i < n ==> NameByteOk(t, n, i, policy)) &&
    LabelStart(t, n) < n && t[n - 1] != '-' && !AllDigits(t, LabelStart(t, n), n);

  predicate ValidName{L}(char *t, integer len, integer policy) =
    ValidNameBody(t, NameLen(t, len, policy), policy);

  // ---- Parsed names (NAME-SPANS) ---------------------------------------------------------------

  // The labels of *nm are spans of t[0 .. n-1] in order, separated by single dots, covering it.
  predicate SpansCover{L}(char *t, cabref_name *nm, integer n) =
    1 <= nm->n_labels <= CABREF_NAME_MAX_LABELS &&
    nm->labels[0].off == 0 &&
    nm->labels[nm->n_labels - 1].off + nm->labels[nm->n_labels - 1].len == n &&
    (\forall integer j; 0 <= j < nm->n_labels ==>
       1 <= nm->labels[j].len <= CABREF_NAME_MAX_LABEL &&
       nm->labels[j].off + nm->labels[j].len <= n) &&
    (\forall integer j; 0 <= j < nm->n_labels - 1 ==>
       t[nm->labels[j].off + nm->labels[j].len] == '.' &&
       nm->labels[j + 1].off == nm->labels[j].off + nm->labels[j].len + 1);

  // The first k labels of *nm (1 <= k <= 127) are valid labels of t of 1..63 bytes, in order,
  // separated by single dots, the first at offset 0 and the last ending at e (the parser's loop
  // state; SpansCover once k is the count and e the body's length).
  predicate Spans{L}(char *t, cabref_name *nm, integer k, integer e, integer policy) =
    1 <= k <= CABREF_NAME_MAX_LABELS &&
    nm->labels[0].off == 0 &&
    nm->labels[k - 1].off + nm->labels[k - 1].len == e &&
    (\forall integer j; 0 <= j < k ==>
       1 <= nm->labels[j].len <= CABREF_NAME_MAX_LABEL &&
       nm->labels[j].off + nm->labels[j].len <= e &&
       ValidLabel(t, nm->labels[j].off, nm->labels[j].off + nm->labels[j].len, policy)) &&
    (\forall integer j; 0 <= j < k - 1 ==>
       t[nm->labels[j].off + nm->labels[j].len] == '.' &&
       nm->labels[j + 1].off == nm->labels[j].off + nm->labels[j].len + 1);

  // ---- The parser's vocabulary (ref/core/name_parse.c) ---------------------------------------

  // Offsets s .. e all belong to the label that starts at s (no dot in t[s .. e-1], and s is 0
  // or follows a dot).
  predicate InLabel{L}(char *t, integer s, integer e) =
    \forall integer p; s <= p <= e ==> LabelStart(t, p) == s;

  // A byte of a class that may stand in a label: a letter, digit or hyphen; an underscore if the
  // policy allows it; an asterisk if the policy allows it. Never a dot.
  predicate ClassOk(integer c, integer policy) =
    IsLdhChar(c) || (c == '_' && AllowUnderscore(policy)) || (c == '*' && AllowWildcard(policy));

  // The bytes t[s .. e-1] of a name of n bytes are of a class that may stand in a label, and an
  // asterisk among them is the first byte of "*.". What this leaves to the label (LabelHeadOk):
  // the first byte, positions 3-4, the length. (Each byte is judged through t[p], so that a
  // prover instantiates it at every byte it reads.)
  predicate ClassRange{L}(char *t, integer n, integer s, integer e, integer policy) =
    \forall integer p; s <= p < e ==>
      ClassOk(t[p], policy) && (t[p] == '*' ==> p == 0 && 1 < n && t[1] == '.');

  // The label rules on the bytes t[s .. e-1] of a label that ClassRange leaves: no hyphen
  // first (NAME-HYPHEN), "--" in positions 3-4 only after "xn" (NAME-RLDH), at most 63 bytes
  // (NAME-LABEL-LEN).
  predicate LabelHeadOk{L}(char *t, integer s, integer e) =
    (s < e ==> t[s] != '-') &&
    ((e - s >= 4 && t[s + 2] == '-' && t[s + 3] == '-') ==> XnPrefix(t, s)) &&
    e - s <= CABREF_NAME_MAX_LABEL;

  // The byte at i, neither LDH nor a dot, that stops the LDH scan of the label starting at s may
  // stand there: the label rules before it hold, it is at most the 63rd byte of the label, and
  // it is an underscore or the wildcard where the policy allows them.
  predicate SlowOk{L}(char *t, integer n, integer s, integer i, integer policy) =
    LabelHeadOk(t, s, i) && i - s < CABREF_NAME_MAX_LABEL && ClassOk(t[i], policy) &&
    (t[i] == '*' ==> i == 0 && 1 < n && t[1] == '.');

  // ---- What a parse returns (NAME-ERROR, NAME-SPANS) -------------------------------------------

  // NAME-ERROR: an error code r of the core with its position pos inside t[0 .. len-1], and what
  // the code says about the offending byte (the rule it breaks).
  predicate NameErrorAt{L}(char *t, integer len, integer policy, integer r, integer pos) =
    CABREF_NAME_EMPTY <= r <= CABREF_NAME_ALL_NUMERIC_TLD &&
    0 <= pos <= len && (len > 0 ==> pos < len) &&
    (r == CABREF_NAME_EMPTY ==> pos == 0) &&
    (r == CABREF_NAME_TOO_LONG ==> pos == CABREF_NAME_MAX_TEXT) &&
    (r == CABREF_NAME_LABEL_TOO_LONG ==>
       t[pos] != '.' && pos - LabelStart(t, pos) == CABREF_NAME_MAX_LABEL) &&
    (r == CABREF_NAME_EMPTY_LABEL ==> LabelStart(t, pos) == pos) &&
    (r == CABREF_NAME_NUL ==> t[pos] == 0) &&
    (r == CABREF_NAME_NON_ASCII ==> t[pos] < 0 || t[pos] > 127) &&
    (r == CABREF_NAME_BAD_CHAR ==>
       !IsLdhChar(t[pos]) && t[pos] != '.' && t[pos] != '_' && t[pos] != '*' && t[pos] != 0 &&
       0 <= t[pos] <= 127) &&
    (r == CABREF_NAME_HYPHEN_EDGE ==> t[pos] == '-') &&
    (r == CABREF_NAME_RESERVED_LDH ==>
       t[pos] == '-' && t[pos + 1] == '-' && pos >= 2 && LabelStart(t, pos + 1) == pos - 2 &&
       !XnPrefix(t, pos - 2)) &&
    (r == CABREF_NAME_BAD_WILDCARD ==> t[pos] == '*') &&
    (r == CABREF_NAME_UNDERSCORE ==> t[pos] == '_' && !AllowUnderscore(policy)) &&
    (r == CABREF_NAME_TRAILING_DOT ==>
       pos == len - 1 && t[len - 1] == '.' && !AllowTrailingDot(policy)) &&
    (r == CABREF_NAME_ALL_NUMERIC_TLD ==> AllDigits(t, pos, NameLen(t, len, policy)));

  // NAME-SPANS: *nm holds the parse of the valid body t[0 .. n-1]: its length, its labels (in
  // order, separated by single dots, covering the body, each a valid label), whether the first
  // label is the wildcard (it starts with '*', hence, being a ValidLabel, it is "*"), whether the body holds an underscore (only where allowed), and a
  // count of XN-labels no greater than the count of labels.
  predicate ParsedBody{L}(char *t, integer n, integer policy, cabref_name *nm) =
    nm->text_len == n &&
    SpansCover(t, nm, n) &&
    (\forall integer j; 0 <= j < nm->n_labels ==>
       ValidLabel(t, nm->labels[j].off, nm->labels[j].off + nm->labels[j].len, policy)) &&
    (nm->wildcard == 1 <==> t[nm->labels[0].off] == '*') &&
    (nm->wildcard == 0 || nm->wildcard == 1) &&
    (nm->underscore == 0 || nm->underscore == 1) &&
    (nm->underscore == 1 <==>
       (AllowUnderscore(policy) && \exists integer p; 0 <= p < n && t[p] == '_')) &&
    nm->xn_labels <= nm->n_labels;

  // A well-formed parsed name over a readable text (what the comparison functions need).
  predicate WellFormedName{L}(char *t, cabref_name *nm) =
    1 <= nm->n_labels <= CABREF_NAME_MAX_LABELS &&
    \forall integer j; 0 <= j < nm->n_labels ==>
      1 <= nm->labels[j].len <= CABREF_NAME_MAX_LABEL &&
      \valid_read(t + (nm->labels[j].off .. nm->labels[j].off + nm->labels[j].len - 1));

  // NAME-EQUAL: two spans hold the same label up to ASCII case.
  predicate LabelEq{L}(char *a, integer ao, integer al, char *b, integer bo, integer bl) =
    al == bl && \forall integer k; 0 <= k < al ==> ToLower(a[ao + k]) == ToLower(b[bo + k]);

  // NAME-SUFFIX: the first m labels of *b equal the matching labels among the rightmost
  // b->n_labels labels of *a.
  predicate LabelSuffixUpTo{L}(char *at, cabref_name *a, char *bt, cabref_name *b, integer m) =
    \forall integer j; 0 <= j < m ==>
      LabelEq(at, a->labels[a->n_labels - b->n_labels + j].off,
              a->labels[a->n_labels - b->n_labels + j].len,
              bt, b->labels[j].off, b->labels[j].len);

  // NAME-SUFFIX: the labels of *b are the rightmost labels of *a (equal names included).
  predicate LabelSuffix{L}(char *at, cabref_name *a, char *bt, cabref_name *b) =
    b->n_labels <= a->n_labels && LabelSuffixUpTo(at, a, bt, b, b->n_labels);
*/

#endif
