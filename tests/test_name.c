/* cabref: unit tests of the name layer (spec/names.md NAME-*): the core parser and comparisons
 * (ref/core/name_parse.c) and the shell conversion (ref/shell/name_idn.c). Expected values are
 * derived by hand from the RFC and BR text cited beside each case. One line per failed check;
 * the last line is "N passed, N failed"; the exit status is nonzero on any failure.
 */
#include <stdio.h>
#include <string.h>

#include "cabref/name.h"
#include "cabref/name_idn.h"

static unsigned long passed, failed;

#define W CABREF_NAME_ALLOW_WILDCARD
#define U CABREF_NAME_ALLOW_UNDERSCORE
#define T CABREF_NAME_ALLOW_TRAILING_DOT

static void check(int ok, const char *what, const char *text) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL: %s: \"%s\"\n", what, text);
  }
}

/* Parse text[0 .. len-1]; expect code and (on error) position. */
static void expect_n(const char *text, size_t len, uint32_t policy, cabref_name_error want,
                     size_t want_pos) {
  cabref_name nm;
  size_t pos = 9999;
  char what[160];
  cabref_name_error got = cabref_name_parse(text, len, policy, &nm, &pos);
  snprintf(what, sizeof what, "policy %u: want %s at %zu, got %s at %zu", (unsigned)policy,
           cabref_name_error_name(want), want_pos, cabref_name_error_name(got),
           got == CABREF_NAME_OK ? (size_t)0 : pos);
  check(got == want && (want == CABREF_NAME_OK || pos == want_pos), what, text);
}

static void expect(const char *text, uint32_t policy, cabref_name_error want, size_t want_pos) {
  expect_n(text, strlen(text), policy, want, want_pos);
}

/* Parse and compare the labels with a '|'-separated list. */
static void expect_labels(const char *text, uint32_t policy, const char *labels) {
  cabref_name nm;
  size_t pos = 0;
  char joined[600];
  size_t o = 0;
  cabref_name_error e = cabref_name_parse(text, strlen(text), policy, &nm, &pos);
  if (e != CABREF_NAME_OK) {
    check(0, "labels: parse failed", text);
    return;
  }
  for (size_t j = 0; j < nm.n_labels; j++) {
    if (j > 0)
      joined[o++] = '|';
    memcpy(joined + o, text + nm.labels[j].off, nm.labels[j].len);
    o += nm.labels[j].len;
  }
  joined[o] = '\0';
  check(strcmp(joined, labels) == 0, "labels", text);
}

static void repeat(char *buf, char c, size_t n) {
  memset(buf, c, n);
  buf[n] = '\0';
}

static void test_lengths(void) {
  char buf[600];
  char lab63[64], lab64[65];
  repeat(lab63, 'a', 63);
  repeat(lab64, 'a', 64);
  /* NAME-LABEL-LEN (RFC 1035 §2.3.4): 63 bytes is the maximum; the 64th byte is the error. */
  snprintf(buf, sizeof buf, "%s.com", lab63);
  expect(buf, 0, CABREF_NAME_OK, 0);
  snprintf(buf, sizeof buf, "%s.com", lab64);
  expect(buf, 0, CABREF_NAME_LABEL_TOO_LONG, 63);
  snprintf(buf, sizeof buf, "www.%s.com", lab64);
  expect(buf, 0, CABREF_NAME_LABEL_TOO_LONG, 67);
  /* NAME-TEXT-LEN: 253 bytes: 3 labels of 63 + 1 of 61 + 3 dots = 253. */
  snprintf(buf, sizeof buf, "%s.%s.%s.%.61s", lab63, lab63, lab63, lab63);
  check(strlen(buf) == 253, "253-byte name built", buf);
  expect(buf, 0, CABREF_NAME_OK, 0);
  /* ... with a trailing dot (254 bytes) where the policy allows it. */
  snprintf(buf, sizeof buf, "%s.%s.%s.%.61s.", lab63, lab63, lab63, lab63);
  expect(buf, T, CABREF_NAME_OK, 0);
  expect(buf, 0, CABREF_NAME_TOO_LONG, 253);
  /* 254 bytes without a trailing dot: the 254th byte (offset 253) is too long. */
  snprintf(buf, sizeof buf, "%s.%s.%s.%.62s", lab63, lab63, lab63, lab63);
  expect(buf, 0, CABREF_NAME_TOO_LONG, 253);
  expect(buf, T, CABREF_NAME_TOO_LONG, 253);
  /* 127 one-byte labels: "a.a. ... .b" = 253 bytes; 128 labels is 255 bytes. */
  for (size_t i = 0; i < 126; i++) {
    buf[2 * i] = 'a';
    buf[2 * i + 1] = '.';
  }
  buf[252] = 'b';
  buf[253] = '\0';
  {
    cabref_name nm;
    size_t pos = 0;
    cabref_name_error e = cabref_name_parse(buf, 253, 0, &nm, &pos);
    check(e == CABREF_NAME_OK && nm.n_labels == 127 && nm.labels[126].off == 252 &&
              nm.labels[126].len == 1 && nm.text_len == 253,
          "127 labels", "a.a...b");
  }
  buf[252] = 'a';
  buf[253] = '.';
  buf[254] = 'b';
  buf[255] = '\0';
  expect(buf, 0, CABREF_NAME_TOO_LONG, 253);
  /* A 300-byte label: the label rule fires first, at its 64th byte. */
  repeat(buf, 'x', 300);
  expect(buf, 0, CABREF_NAME_LABEL_TOO_LONG, 63);
}

static void test_structure(void) {
  /* NAME-EMPTY, NAME-EMPTY-LABEL (RFC 1035 §3.1). */
  expect("", 0, CABREF_NAME_EMPTY, 0);
  expect(".", 0, CABREF_NAME_EMPTY, 0);
  expect(".", T, CABREF_NAME_EMPTY, 0);
  expect("a..b", 0, CABREF_NAME_EMPTY_LABEL, 2);
  expect(".example.com", 0, CABREF_NAME_EMPTY_LABEL, 0);
  expect("..", T, CABREF_NAME_EMPTY_LABEL, 0);
  expect("a..", T, CABREF_NAME_EMPTY_LABEL, 2);
  /* NAME-TRAILING-DOT (BR 7.1.2.7.12; RFC 1034 §3.1). */
  expect("example.com.", 0, CABREF_NAME_TRAILING_DOT, 11);
  expect("example.com.", T, CABREF_NAME_OK, 0);
  expect("example.com..", T, CABREF_NAME_EMPTY_LABEL, 12);
  expect_labels("Example.COM.", T, "Example|COM");
  expect_labels("a.b.c", 0, "a|b|c");
  expect_labels("com", 0, "com");
  /* NAME-ASCII: NUL and bytes >= 0x80 with their own codes. */
  expect_n("ab\0c.com", 8, 0, CABREF_NAME_NUL, 2);
  expect("b\xc3\xbc"
         "cher.example",
         0, CABREF_NAME_NON_ASCII, 1);
  expect("a.\x80", 0, CABREF_NAME_NON_ASCII, 2);
  expect("a b.com", 0, CABREF_NAME_BAD_CHAR, 1);
  expect("zomb!.com", 0, CABREF_NAME_BAD_CHAR, 4);
  expect("user@example.com", 0, CABREF_NAME_BAD_CHAR, 4);
}

static void test_hyphens(void) {
  /* NAME-HYPHEN (RFC 1035 §2.3.1, RFC 5890 §2.3.1). */
  expect("-a.com", 0, CABREF_NAME_HYPHEN_EDGE, 0);
  expect("a-.com", 0, CABREF_NAME_HYPHEN_EDGE, 1);
  expect("a.com-", 0, CABREF_NAME_HYPHEN_EDGE, 5);
  expect("-.net", 0, CABREF_NAME_HYPHEN_EDGE, 0);
  expect("a-b.com", 0, CABREF_NAME_OK, 0);
  expect("a--b.com", 0, CABREF_NAME_OK, 0); /* "--" in positions 2-3 is not reserved */
  /* NAME-RLDH (RFC 5890 §2.3.1): "--" in positions 3-4 only as "xn--", any case. */
  expect("ab--c.com", 0, CABREF_NAME_RESERVED_LDH, 2);
  expect("www.bq--abwhky3f6fxq.com", 0, CABREF_NAME_RESERVED_LDH, 6);
  expect("h---test.org", 0, CABREF_NAME_RESERVED_LDH, 2); /* positions 2-4 "---" */
  expect("xn--bcher-kva.example", 0, CABREF_NAME_OK, 0);
  expect("XN--BCHER-KVA.example", 0, CABREF_NAME_OK, 0);
  expect("Xn--a.example", 0, CABREF_NAME_OK, 0);
  expect("xn--zz.example", 0, CABREF_NAME_OK, 0); /* structure only in the core */
  expect("xn--.net", 0, CABREF_NAME_HYPHEN_EDGE, 3);
  {
    cabref_name nm;
    size_t pos;
    const char *t = "xn--a.XN--b.xn-c.x";
    check(cabref_name_parse(t, strlen(t), 0, &nm, &pos) == CABREF_NAME_OK && nm.xn_labels == 2,
          "xn_labels counts XN-labels", t);
  }
}

static void test_wildcards_underscores(void) {
  /* NAME-WILDCARD (BR 1.6.1 Wildcard Domain Name). */
  expect("*.example.com", 0, CABREF_NAME_BAD_WILDCARD, 0);
  expect("*.example.com", W, CABREF_NAME_OK, 0);
  expect("a.*.com", W, CABREF_NAME_BAD_WILDCARD, 2);
  expect("*a.com", W, CABREF_NAME_BAD_WILDCARD, 0);
  expect("a*.com", W, CABREF_NAME_BAD_WILDCARD, 1);
  expect("**.com", W, CABREF_NAME_BAD_WILDCARD, 0);
  expect("*", W, CABREF_NAME_BAD_WILDCARD, 0);
  expect("*.", W | T, CABREF_NAME_BAD_WILDCARD, 0);
  expect("*.com", W, CABREF_NAME_OK, 0); /* a suffix question, not syntax */
  {
    cabref_name nm;
    size_t pos;
    const char *t = "*.Example.com";
    check(cabref_name_parse(t, strlen(t), W, &nm, &pos) == CABREF_NAME_OK && nm.wildcard == 1 &&
              nm.n_labels == 3 && nm.labels[0].len == 1,
          "wildcard flag", t);
    t = "www.example.com";
    check(cabref_name_parse(t, strlen(t), W, &nm, &pos) == CABREF_NAME_OK && nm.wildcard == 0,
          "no wildcard flag", t);
  }
  /* NAME-UNDERSCORE (BR SC12; Ballot 169 DNS Change). */
  expect("_acme-challenge.example.com", 0, CABREF_NAME_UNDERSCORE, 0);
  expect("_acme-challenge.example.com", U, CABREF_NAME_OK, 0);
  expect("www.zom_bo.com", 0, CABREF_NAME_UNDERSCORE, 7);
  expect("_-a.com", U, CABREF_NAME_OK, 0);
  expect("a_.com", U, CABREF_NAME_OK, 0);
  expect("-_.com", U, CABREF_NAME_HYPHEN_EDGE, 0);
}

static void test_numeric(void) {
  /* NAME-NUMERIC-TLD (RFC 3696 §2). */
  expect("127.0.0.1", 0, CABREF_NAME_ALL_NUMERIC_TLD, 8);
  expect("example.123", 0, CABREF_NAME_ALL_NUMERIC_TLD, 8);
  expect("123", 0, CABREF_NAME_ALL_NUMERIC_TLD, 0);
  expect("123.example", 0, CABREF_NAME_OK, 0);
  expect("example.1a", 0, CABREF_NAME_OK, 0);
  expect("example.123.", T, CABREF_NAME_ALL_NUMERIC_TLD, 8);
}

static void test_compare(void) {
  const char *a = "WWW.Example.COM";
  const char *b = "example.com";
  const char *c = "xample.com";
  cabref_name na, nb, nc;
  size_t pos;
  check(cabref_name_parse(a, strlen(a), 0, &na, &pos) == CABREF_NAME_OK &&
            cabref_name_parse(b, strlen(b), 0, &nb, &pos) == CABREF_NAME_OK &&
            cabref_name_parse(c, strlen(c), 0, &nc, &pos) == CABREF_NAME_OK,
        "parse for compare", a);
  /* NAME-SPANS: case is kept; NAME-EQUAL: compared case-insensitively (RFC 4343). */
  check(memcmp(a + na.labels[1].off, "Example", 7) == 0, "case kept in spans", a);
  check(cabref_label_equal(a, na.labels[1], b, nb.labels[0]) == 1, "Example == example", a);
  check(cabref_label_equal(a, na.labels[2], b, nb.labels[1]) == 1, "COM == com", a);
  check(cabref_label_equal(a, na.labels[0], b, nb.labels[0]) == 0, "WWW != example", a);
  check(cabref_label_equal(c, nc.labels[0], b, nb.labels[0]) == 0, "xample != example", c);
  /* NAME-SUFFIX. */
  check(cabref_name_is_suffix(a, &na, b, &nb) == 1, "example.com suffix of www.example.com", a);
  check(cabref_name_is_suffix(b, &nb, b, &nb) == 1, "a name is its own suffix", b);
  check(cabref_name_is_suffix(b, &nb, a, &na) == 0, "longer is not a suffix", b);
  check(cabref_name_is_suffix(a, &na, c, &nc) == 0, "xample.com is not a label suffix", a);
}

static void from_text(const char *text, uint32_t policy, cabref_name_error want,
                      const char *want_buf) {
  char buf[CABREF_NAME_TEXT_BUF];
  cabref_name nm;
  size_t pos = 0;
  char what[400];
  cabref_name_error e =
      cabref_name_from_text(text, strlen(text), policy, buf, sizeof buf, &nm, &pos);
  snprintf(what, sizeof what, "from_text: want %s, got %s (buf \"%s\")",
           cabref_name_error_name(want), cabref_name_error_name(e), buf);
  check(e == want && (want_buf == NULL || strcmp(buf, want_buf) == 0), what, text);
}

static void test_shell(void) {
  /* NAME-IDN (RFC 3492 §7.1 sample style; RFC 5891 §4). */
  from_text("b\xc3\xbc"
            "cher.example",
            0, CABREF_NAME_OK, "xn--bcher-kva.example");
  from_text("B\xc3\x9c"
            "CHER.Example",
            0, CABREF_NAME_OK, "xn--bcher-kva.example");
  from_text("WWW.Example.COM", 0, CABREF_NAME_OK, "www.example.com");
  from_text("*.b\xc3\xbc"
            "cher.example",
            W, CABREF_NAME_OK, "*.xn--bcher-kva.example");
  /* NAME-ALABEL (RFC 5891 §5.4): invalid Punycode, a disallowed code point (U+2665), a decoding
   * that does not round-trip. */
  from_text("xn--zz.example", 0, CABREF_NAME_BAD_ALABEL, NULL);
  from_text("xn--g6h.example", 0, CABREF_NAME_BAD_ALABEL, NULL);
  from_text("www.xn--m.com", 0, CABREF_NAME_BAD_ALABEL, NULL);
  from_text("XN--BCHER-KVA.example", 0, CABREF_NAME_OK, "xn--bcher-kva.example");
  from_text("xn--mnich-kva.com", 0, CABREF_NAME_OK, NULL);
  /* Not NFC after decoding (Boulder's test case). */
  from_text("xn--109-3veba6djs1bfxlfmx6c9g.xn--f1awi.xn--p1ai", 0, CABREF_NAME_BAD_ALABEL, NULL);
  /* The core still decides: a converted name can be invalid for other reasons. */
  from_text("b\xc3\xbc"
            "cher..example",
            0, CABREF_NAME_EMPTY_LABEL, NULL);
  /* Not UTF-8. */
  from_text("b\xff.example", 0, CABREF_NAME_BAD_ULABEL, NULL);
  {
    char buf[CABREF_NAME_TEXT_BUF];
    cabref_name nm;
    size_t pos = 99;
    check(cabref_name_from_text("ab\0c", 4, 0, buf, sizeof buf, &nm, &pos) == CABREF_NAME_NUL &&
              pos == 2,
          "from_text NUL at 2", "ab\\0c");
  }
  check(strcmp(cabref_name_error_name(CABREF_NAME_LABEL_TOO_LONG), "label-too-long") == 0,
        "error name", "label-too-long");
  /* NAME-IDN, NAME-ALABEL (RFC 5892 §2.5, §3: of ASCII only LDH is IDNA2008; found by
   * fuzz/name_idn.c): libidn2 lets '_' beside a U-label through, and maps fullwidth '*' and '_'
   * to ASCII; none of them is a U-label, so none may become an underscore or a wildcard. */
  from_text("_\xc3\xbc.example", U, CABREF_NAME_BAD_ULABEL, NULL);
  from_text("\xef\xbc\xbf"
            "acme.example",
            U, CABREF_NAME_BAD_ULABEL, NULL);
  from_text("\xef\xbc\x8a.example.com", W, CABREF_NAME_BAD_ULABEL, NULL);
  from_text("xn--_-eha.example", U, CABREF_NAME_BAD_ALABEL, NULL);
  from_text("b\xc3\xbc"
            "cher\xe3\x80\x82"
            "example",
            0, CABREF_NAME_OK, "xn--bcher-kva.example"); /* U+3002 still separates labels */
}

/* NAME-ERROR through the shell: the first offending byte wins, a NUL included (review finding:
 * the conversion used to report a NUL before earlier errors). Text, length, policy, expected code
 * and offset (a NUL: in the given text; any other code: in the converted text). */
static void from_text_n(const char *text, size_t len, uint32_t policy, cabref_name_error want,
                        size_t want_pos) {
  char buf[CABREF_NAME_TEXT_BUF];
  cabref_name nm;
  size_t pos = 9999;
  char what[200];
  cabref_name_error e = cabref_name_from_text(text, len, policy, buf, sizeof buf, &nm, &pos);
  snprintf(what, sizeof what, "from_text: want %s at %zu, got %s at %zu",
           cabref_name_error_name(want), want_pos, cabref_name_error_name(e), pos);
  check(e == want && pos == want_pos, what, text);
}

static void test_shell_nul_order(void) {
  from_text_n("-a.b\0c", 6, 0, CABREF_NAME_HYPHEN_EDGE, 0);
  from_text_n("a..b\0", 5, 0, CABREF_NAME_EMPTY_LABEL, 2);
  from_text_n("_a.b\0", 5, 0, CABREF_NAME_UNDERSCORE, 0);
  from_text_n("_a.b\0", 5, U, CABREF_NAME_NUL, 4); /* the policy decides what came first */
  from_text_n("a*.b\0", 5, W, CABREF_NAME_BAD_WILDCARD, 1);
  from_text_n("ab\0-", 4, 0, CABREF_NAME_NUL, 2); /* nothing after the NUL is judged */
  from_text_n("a.\0", 3, 0, CABREF_NAME_NUL, 2);
  from_text_n("\0", 1, 0, CABREF_NAME_NUL, 0);
  /* Before the NUL, U-labels are converted as usual: a label before it that libidn2 refuses, or
   * a core error in the converted text before it, comes first. */
  from_text_n("\xff.a\0", 4, 0, CABREF_NAME_BAD_ULABEL, 0);
  from_text_n("\xff\0", 2, 0, CABREF_NAME_BAD_ULABEL, 0);
  from_text_n("b\xc3\xbc.-a\0", 7, 0, CABREF_NAME_HYPHEN_EDGE, 10); /* xn--b-xka.-a */
  from_text_n("b\xc3\xbc.a\0", 6, 0, CABREF_NAME_NUL, 5);
  from_text_n("b\xc3\xbc\0cher.example", 16, 0, CABREF_NAME_NUL, 3);
  /* The conversion alone still stops at the NUL (it does not know the policy). */
  {
    char buf[CABREF_NAME_TEXT_BUF];
    size_t n = 9, pos = 9;
    check(cabref_name_to_ascii("-a.b\0c", 6, buf, sizeof buf, &n, &pos) == CABREF_NAME_NUL &&
              pos == 4,
          "to_ascii: NUL at 4", "-a.b\\0c");
  }
}

int main(void) {
  test_lengths();
  test_structure();
  test_hyphens();
  test_wildcards_underscores();
  test_numeric();
  test_compare();
  test_shell();
  test_shell_nul_order();
  printf("%lu passed, %lu failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
