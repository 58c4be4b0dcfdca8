/* cabref: the record of a prevented issuance and the reports for the iodef contacts
 * (cabref/caa_report.h). The IODEF document is built with libxml2 (it escapes, it encodes); the
 * e-mail is an RFC 5322 message with MIME parts (RFC 2045, RFC 2046), CRLF line ends, ASCII only.
 * The digest naming the incident is OpenSSL's SHA-256. Nothing is sent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>
#include <openssl/evp.h>

#include "cabref/caa_record.h"
#include "cabref/caa_report.h"
#include "shell.h"

void cabref_caa_prevented_free(cabref_caa_prevented *p) {
  size_t i;
  for (i = 0; i < p->n_targets; i++) {
    free(p->targets[i].url);
    free(p->targets[i].report);
  }
  free(p->targets);
  free(p->iodef_xml);
  memset(p, 0, sizeof *p);
}

/* A growing text buffer; on failure it drops everything and stays NULL. */
typedef struct {
  char *s;
  size_t len, cap;
  int oom;
} text;

static void put(text *t, const char *s) {
  size_t n = strlen(s);
  if (t->oom)
    return;
  if (t->len + n + 1 > t->cap) {
    size_t nc = (t->cap ? t->cap * 2 : 1024) + n;
    char *g = realloc(t->s, nc);
    if (g == NULL) {
      free(t->s);
      t->s = NULL;
      t->oom = 1;
      return;
    }
    t->s = g;
    t->cap = nc;
  }
  memcpy(t->s + t->len, s, n + 1);
  t->len += n;
}

/* The CAA records of the set that applied, one per line in canonical presentation form. */
static char *set_text(const cabref_caa_zone *z, const cabref_caa_name_eval *e) {
  text t = {0};
  size_t i;
  put(&t, "");
  for (i = 0; i < e->n_set; i++) {
    const cabref_caa_zone_rr *r = &z->rrs[e->idx[i]];
    char *c = cabref_caa_print_alloc(z->buf + r->rr.off, r->rr.len);
    put(&t, r->owner);
    put(&t, " CAA ");
    put(&t, c != NULL ? c : "(unprintable)");
    put(&t, "\n");
    free(c);
  }
  return t.s;
}

/* The incident's identifier: SHA-256 of what it is about, 16 octets in hex (the same incident
 * gets the same identifier; RFC 7970 asks it be unique for its creator). */
static int incident_id(const char *name, const char *owner, const char *records, const char *when,
                       char out[33]) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0, i;
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  int ok = c != NULL && EVP_DigestInit_ex(c, EVP_sha256(), NULL) == 1 &&
           EVP_DigestUpdate(c, when, strlen(when) + 1) == 1 &&
           EVP_DigestUpdate(c, name, strlen(name) + 1) == 1 &&
           EVP_DigestUpdate(c, owner, strlen(owner) + 1) == 1 &&
           EVP_DigestUpdate(c, records, strlen(records)) == 1 &&
           EVP_DigestFinal_ex(c, md, &n) == 1 && n >= 16;
  EVP_MD_CTX_free(c);
  for (i = 0; ok && i < 16; i++)
    snprintf(out + 2 * i, 3, "%02x", md[i]);
  return ok ? 0 : -1;
}

/* RFC 7970: an IODEF-Document with one Incident (purpose reporting): IncidentID named by the CA,
 * GenerationTime, a Description, the CA as creator Contact, and EventData describing the refused
 * request and the records that refused it. */
static char *iodef_document(const char *id, const char *ca, const char *from, const char *when,
                            const char *what, const char *records) {
  xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
  xmlNodePtr root, inc, n, contact, email, ev;
  xmlNsPtr ns;
  xmlChar *mem = NULL;
  int size = 0;
  char *out = NULL;
  if (doc == NULL)
    return NULL;
  root = xmlNewNode(NULL, BAD_CAST "IODEF-Document");
  ns = root != NULL ? xmlNewNs(root, BAD_CAST "urn:ietf:params:xml:ns:iodef-2.0", NULL) : NULL;
  if (ns == NULL) {
    xmlFreeNode(root);
    xmlFreeDoc(doc);
    return NULL;
  }
  xmlSetNs(root, ns);
  xmlDocSetRootElement(doc, root);
  xmlNewProp(root, BAD_CAST "version", BAD_CAST "2.00");
  xmlNodeSetLang(root, BAD_CAST "en");
  inc = xmlNewChild(root, ns, BAD_CAST "Incident", NULL);
  xmlNewProp(inc, BAD_CAST "purpose", BAD_CAST "reporting");
  xmlNewProp(inc, BAD_CAST "restriction", BAD_CAST "default");
  n = xmlNewTextChild(inc, ns, BAD_CAST "IncidentID", BAD_CAST id);
  xmlNewProp(n, BAD_CAST "name", BAD_CAST ca);
  xmlNewTextChild(inc, ns, BAD_CAST "GenerationTime", BAD_CAST when);
  xmlNewTextChild(inc, ns, BAD_CAST "Description", BAD_CAST what);
  contact = xmlNewChild(inc, ns, BAD_CAST "Contact", NULL);
  xmlNewProp(contact, BAD_CAST "type", BAD_CAST "organization");
  xmlNewProp(contact, BAD_CAST "role", BAD_CAST "creator");
  xmlNewTextChild(contact, ns, BAD_CAST "ContactName", BAD_CAST ca);
  email = xmlNewChild(contact, ns, BAD_CAST "Email", NULL);
  xmlNewTextChild(email, ns, BAD_CAST "EmailTo", BAD_CAST from);
  ev = xmlNewChild(inc, ns, BAD_CAST "EventData", NULL);
  xmlNewTextChild(ev, ns, BAD_CAST "Description", BAD_CAST records);
  xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
  if (mem != NULL && size > 0 && (out = malloc((size_t)size + 1)) != NULL) {
    memcpy(out, mem, (size_t)size);
    out[size] = '\0';
  }
  xmlFree(mem);
  xmlFreeDoc(doc);
  return out;
}

static int atext(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (c != '\0' && strchr("!#$&'*+-/=^_`{|}~.", c) != NULL);
}

static int host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.';
}

int cabref_caa_report_address_ok(const char *s, size_t len) {
  size_t i, at = len;
  for (i = 0; i < len; i++) {
    if (s[i] == '@' && at == len)
      at = i;
    else if (at == len ? !atext(s[i]) : !host_char(s[i]))
      return 0;
  }
  return at > 0 && at < len && at + 1 < len && len <= 254;
}

/* The address of a mailto: URL (RFC 6068) when cabref_caa_report_address_ok accepts it (a query,
 * ?subject=..., is not part of it); NULL otherwise (the target is skipped). */
static char *mail_address(const char *url) {
  const char *p = url + 7;
  size_t n = strcspn(p, "?");
  char *a;
  if (!cabref_caa_report_address_ok(p, n))
    return NULL;
  if ((a = malloc(n + 1)) != NULL) {
    memcpy(a, p, n);
    a[n] = '\0';
  }
  return a;
}

/* RFC 5322 §3.3 date-time of at, in UTC, without locale. */
static void mail_date(cabref_caa_instant at, char out[40]) {
  static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  time_t t = (time_t)at;
  struct tm tm;
  if (gmtime_r(&t, &tm) == NULL) {
    snprintf(out, 40, "Thu, 01 Jan 1970 00:00:00 +0000");
    return;
  }
  snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
           months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* Appends s with every line ending in CRLF (RFC 5322 §2.3). */
static void put_crlf(text *t, const char *s) {
  char line[1024];
  while (*s != '\0') {
    size_t n = strcspn(s, "\n");
    size_t k = n < sizeof line - 1 ? n : sizeof line - 1;
    memcpy(line, s, k);
    line[k] = '\0';
    put(t, line);
    s += k;
    if (k == n && *s == '\n') {
      put(t, "\r\n");
      s++;
    }
  }
}

/* RFC 8659 §4.4 mailto: the IODEF document as a MIME attachment, with a brief text. */
static char *mail_message(const char *to, const char *from, const char *id, const char *ca,
                          const char *name, cabref_caa_instant at, const char *xml,
                          const char *what) {
  text t = {0};
  char date[40], head[2048];
  mail_date(at, date);
  /* Every field is checked text: addresses by cabref_caa_report_address_ok, the name and the CA
   * are domain names, id is hex. The boundary cannot occur in the body (hex id, ASCII XML). */
  snprintf(head, sizeof head,
           "From: %s\r\nTo: %s\r\nSubject: CAA: certificate request for %s refused by %s\r\n"
           "Date: %s\r\nMessage-ID: <%s@%s>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"cabref-iodef-%s\"\r\n\r\n"
           "--cabref-iodef-%s\r\nContent-Type: text/plain; charset=us-ascii\r\n"
           "Content-Transfer-Encoding: 7bit\r\n\r\n",
           from, to, name, ca, date, id, ca, id, id);
  put(&t, head);
  put_crlf(&t, what);
  snprintf(head, sizeof head,
           "\r\nThe attached IODEF document (RFC 7970) describes the refused request, as the "
           "iodef\r\nproperty of the domain's CAA record set asks (RFC 8659 section 4.4).\r\n\r\n"
           "--cabref-iodef-%s\r\nContent-Type: application/xml; charset=utf-8; "
           "name=\"iodef.xml\"\r\nContent-Disposition: attachment; filename=\"iodef.xml\"\r\n"
           "Content-Transfer-Encoding: 7bit\r\n\r\n",
           id);
  put(&t, head);
  put_crlf(&t, xml);
  snprintf(head, sizeof head, "\r\n--cabref-iodef-%s--\r\n", id);
  put(&t, head);
  return t.s;
}

cabref_status cabref_caa_prevented_build(const cabref_caa_zone *z, const cabref_caa_name_eval *e,
                                         const char *name, cabref_caa_instant at, const char *ca,
                                         const char *from, cabref_caa_prevented *out) {
  char when[21], own_from[300], what[1024];
  char *id;
  char *records;
  const char *owner = e->relevant_owner != NULL ? e->relevant_owner : "";
  size_t i;
  memset(out, 0, sizeof *out);
  id = out->incident;
  cabref_format_instant(at, when);
  if (from == NULL) {
    snprintf(own_from, sizeof own_from, "caa-reports@%s", ca);
    from = own_from;
  }
  if (!cabref_caa_report_address_ok(from, strlen(from)))
    return CABREF_E_SYNTAX; /* it goes into a header as written */
  if ((records = set_text(z, e)) == NULL)
    return CABREF_E_CAPACITY;
  snprintf(what, sizeof what,
           "At %s the CA %s refused to issue a certificate for %s: the CAA record set at %s "
           "does not authorize it (BR 3.2.2.8; RFC 8659 section 3, %s).\n",
           when, ca, name, owner, cabref_caa_reason_code((cabref_caa_reason)e->res.reason));
  if (incident_id(name, owner, records, when, id) != 0 ||
      (out->iodef_xml = iodef_document(id, ca, from, when, what, records)) == NULL) {
    free(records);
    return CABREF_E_CAPACITY;
  }
  free(records);
  /* RFC 8659 §4.4: each iodef property of the set is a contact. */
  for (i = 0; i < e->n_set; i++) {
    const cabref_caa_zone_rr *r = &z->rrs[e->idx[i]];
    const uint8_t *rd = z->buf + r->rr.off;
    cabref_caa_record rec;
    size_t pos = 0, k;
    cabref_caa_iodef_report *tg;
    if (cabref_caa_rdata_parse(rd, r->rr.len, &rec, &pos) != CABREF_CAA_RDATA_OK ||
        rec.tag_kind != CABREF_CAA_TAG_IODEF)
      continue;
    tg = realloc(out->targets, (out->n_targets + 1) * sizeof *tg);
    if (tg == NULL)
      return CABREF_E_CAPACITY;
    out->targets = tg;
    tg = &out->targets[out->n_targets++];
    memset(tg, 0, sizeof *tg);
    tg->scheme = (int)cabref_caa_iodef_parse(rd + rec.value_off, rec.value_len);
    for (k = 0; k < rec.value_len && rd[rec.value_off + k] >= 0x20 && rd[rec.value_off + k] <= 0x7e;
         k++)
      ;
    if (k == rec.value_len && (tg->url = malloc(k + 1)) != NULL) {
      memcpy(tg->url, rd + rec.value_off, k);
      tg->url[k] = '\0';
    }
    if (tg->url == NULL) {
      tg->skipped = "the value is not printable ASCII";
    } else if (tg->scheme == CABREF_CAA_IODEF_MAILTO) {
      char *to = mail_address(tg->url);
      if (to == NULL)
        tg->skipped = "not a plain mailto: address";
      else if ((tg->report = mail_message(to, from, id, ca, name, at, out->iodef_xml, what)) ==
               NULL) {
        free(to);
        return CABREF_E_CAPACITY;
      }
      free(to);
    } else if (tg->scheme == CABREF_CAA_IODEF_HTTPS) {
      if ((tg->report = strdup(out->iodef_xml)) == NULL)
        return CABREF_E_CAPACITY;
    } else if (tg->scheme == CABREF_CAA_IODEF_HTTP) {
      tg->skipped = "http: (BR 3.2.2.8 expects only mailto: and https:)";
    } else {
      tg->skipped = "not a mailto: or https: URL (RFC 8659 section 4.4)";
    }
  }
  return CABREF_OK;
}
