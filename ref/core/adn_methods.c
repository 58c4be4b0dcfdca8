/* cabref: the domain validation methods of BR 3.2.2.4 by date, the Authorized Ports and the
 * constructed e-mail local parts (spec/adn.md ADN-METHOD-*, ADN-PORTS, ADN-EMAIL). Switches,
 * no tables: each date is a named constant of cabref/adn.h citing its ballot. */
#include <stddef.h>
#include <stdint.h>

#include "cabref/adn.h"

/* The method table's instants are the code's own macros, which the contracts use too: each is
 * tied here to its calendar date (InstantOf, spec/tally_logic.h), so a date moved by a day fails
 * its lemma. */
/*@
  lemma adn_t_ballot_169: CABREF_ADN_T_BALLOT_169 == InstantOf(2017, 3, 1, 0, 0, 0);
  lemma adn_t_ballot_190: CABREF_ADN_T_BALLOT_190 == InstantOf(2017, 10, 19, 0, 0, 0);
  lemma adn_t_ballot_218_sunset: CABREF_ADN_T_BALLOT_218_SUNSET == InstantOf(2018, 8, 1, 0, 0, 0);
  lemma adn_t_sc13: CABREF_ADN_T_SC13 == InstantOf(2019, 2, 1, 0, 0, 0);
  lemma adn_t_sc14: CABREF_ADN_T_SC14 == InstantOf(2019, 3, 16, 0, 0, 0);
  lemma adn_t_sc14_sunset: CABREF_ADN_T_SC14_SUNSET == InstantOf(2019, 6, 1, 0, 0, 0);
  lemma adn_t_sc15: CABREF_ADN_T_SC15 == InstantOf(2019, 3, 16, 0, 0, 0);
  lemma adn_t_sc19: CABREF_ADN_T_SC19 == InstantOf(2019, 9, 9, 0, 0, 0);
  lemma adn_t_sc25: CABREF_ADN_T_SC25 == InstantOf(2020, 3, 3, 0, 0, 0);
  lemma adn_t_sc25_sunset: CABREF_ADN_T_SC25_SUNSET == InstantOf(2020, 6, 4, 0, 0, 0);
  lemma adn_t_sc33: CABREF_ADN_T_SC33 == InstantOf(2020, 9, 22, 0, 0, 0);
  lemma adn_t_sc45_compliance: CABREF_ADN_T_SC45_COMPLIANCE == InstantOf(2021, 12, 1, 0, 0, 0);
  lemma adn_t_sc80_sunset: CABREF_ADN_T_SC80_SUNSET == InstantOf(2025, 7, 15, 0, 0, 0);
  lemma adn_t_sc84: CABREF_ADN_T_SC84 == InstantOf(2025, 3, 1, 0, 0, 0);
  lemma adn_t_sc88: CABREF_ADN_T_SC88 == InstantOf(2025, 11, 10, 0, 0, 0);
  lemma adn_t_sc90_should_not: CABREF_ADN_T_SC90_SHOULD_NOT == InstantOf(2026, 3, 15, 0, 0, 0);
  lemma adn_t_sc90_phone_sunset: CABREF_ADN_T_SC90_PHONE_SUNSET == InstantOf(2027, 3, 15, 0, 0, 0);
  lemma adn_t_sc90_email_sunset: CABREF_ADN_T_SC90_EMAIL_SUNSET == InstantOf(2028, 3, 15, 0, 0, 0);
*/

/* ADN-METHOD-INTRO */
/*@
  assigns \nothing;
  ensures \result == MethodIntroduced(m);
*/
static cabref_instant introduced_of(uint32_t m) {
  switch (m) {
  case 5:  /* Domain Authorization Document */
  case 6:  /* Agreed-Upon Change to Website */
  case 10: /* TLS Using a Random Number */
  case 11: /* Any Other Method (Ballot 181) */
    return CABREF_ADN_T_BALLOT_169;
  case 1:
  case 2:
  case 3:
  case 4:
  case 7:
  case 8:
  case 9:
  case 12: /* Ballot 190: restored (IPR), and .12 added */
    return CABREF_ADN_T_BALLOT_190;
  case 13:
  case 14:
    return CABREF_ADN_T_SC13;
  case 15:
  case 16:
    return CABREF_ADN_T_SC14;
  case 17:
    return CABREF_ADN_T_SC19;
  case 18:
  case 19:
    return CABREF_ADN_T_SC25;
  case 20:
    return CABREF_ADN_T_SC33;
  case 21:
    return CABREF_ADN_T_SC84;
  case 22:
    return CABREF_ADN_T_SC88;
  default:
    return INT64_MAX;
  }
}

/* ADN-METHOD-SUNSET */
/*@
  assigns \nothing;
  ensures \result == MethodSunset(m);
*/
static cabref_instant sunset_of(uint32_t m) {
  switch (m) {
  case 1:
  case 5:
    return CABREF_ADN_T_BALLOT_218_SUNSET;
  case 3:
    return CABREF_ADN_T_SC14_SUNSET;
  case 9:
    return CABREF_ADN_T_SC15;
  case 6:
    return CABREF_ADN_T_SC25_SUNSET;
  case 10:
    return CABREF_ADN_T_SC33;
  case 11:
    return CABREF_ADN_T_BALLOT_190;
  case 2:
  case 15:
    return CABREF_ADN_T_SC80_SUNSET;
  case 8:
    return CABREF_ADN_T_SC90_SHOULD_NOT; /* SC90: .8 MUST NOT from 2026-03-15 */
  case 16:
  case 17:
    return CABREF_ADN_T_SC90_PHONE_SUNSET;
  case 4:
  case 13:
  case 14:
    return CABREF_ADN_T_SC90_EMAIL_SUNSET;
  default:
    return INT64_MAX;
  }
}

/* ADN-METHOD-DISCOURAGED (SC90) */
/*@
  assigns \nothing;
  ensures \result == MethodDiscouraged(m);
*/
static cabref_instant discouraged_of(uint32_t m) {
  switch (m) {
  case 4:
  case 13:
  case 14:
  case 16:
  case 17:
    return CABREF_ADN_T_SC90_SHOULD_NOT;
  default:
    return INT64_MAX;
  }
}

/*@
  assigns \nothing;
  ensures MethodUsable(m, t) ==> \result == MethodPrefix(m, t);
*/
static uint8_t prefix_of(uint32_t m, cabref_instant t) {
  (void)t;
  switch (m) {
  case 7:
    return CABREF_ADN_PREFIX_UNDERSCORE; /* Ballot 169 */
  case 14:
    return CABREF_ADN_PREFIX_CONTACT_EMAIL; /* SC13 */
  case 16:
    return CABREF_ADN_PREFIX_CONTACT_PHONE; /* SC14 */
  case 21:
    return CABREF_ADN_PREFIX_ACME_ACCOUNT; /* SC84 */
  case 22:
    return CABREF_ADN_PREFIX_PERSIST; /* SC88 */
  default:
    return CABREF_ADN_PREFIX_NONE;
  }
}

cabref_status cabref_adn_method_rules(uint32_t method, cabref_instant t, cabref_adn_rules *out) {
  cabref_instant intro, disc, sun;
  uint8_t st, usable, exact;
  if (out == NULL) {
    return CABREF_E_NULL;
  }
  if (method < 1 || method > CABREF_ADN_METHOD_MAX) {
    return CABREF_E_RANGE;
  }
  intro = introduced_of(method);
  disc = discouraged_of(method);
  sun = sunset_of(method);
  /* ADN-METHOD-STATUS */
  if (t < intro) {
    st = CABREF_ADN_NOT_DEFINED;
  } else if (t >= sun) {
    st = CABREF_ADN_RETIRED;
  } else if (t >= disc) {
    st = CABREF_ADN_DISCOURAGED;
  } else {
    st = CABREF_ADN_ALLOWED;
  }
  usable = (st == CABREF_ADN_ALLOWED || st == CABREF_ADN_DISCOURAGED) ? 1u : 0u;
  /* ADN-METHOD-EXACT: .8 (Ballot 190 note), .20 (SC33 note), and .6/.18/.19 from the SC45
   * compliance date. */
  exact = (method == 8 || method == 20 ||
           ((method == 6 || method == 18 || method == 19) && t >= CABREF_ADN_T_SC45_COMPLIANCE))
              ? 1u
              : 0u;
  out->method = (uint8_t)method;
  out->status = st;
  out->introduced = intro;
  out->discouraged = disc;
  out->sunset = sun;
  out->wildcard = (usable && !exact) ? 1u : 0u;
  out->prune = out->wildcard;
  /* ADN-METHOD-CNAME: SC88, .22 "This prohibition overrides the ADN definition". */
  out->cname = (usable && !exact && method != 22) ? 1u : 0u;
  out->prefix = usable ? prefix_of(method, t) : (uint8_t)CABREF_ADN_PREFIX_NONE;
  /* ADN-EMAIL: BR 3.2.2.4.4 only. */
  out->constructed_email = (usable && method == 4) ? 1u : 0u;
  /* ADN-PORTS: .6 and .9/.10 (Ballot 169), .18/.19 (SC25, SC44). */
  out->authorized_ports =
      (usable && (method == 6 || method == 9 || method == 10 || method == 18 || method == 19)) ? 1u
                                                                                               : 0u;
  return CABREF_OK;
}

/* ADN-PORTS: BR 1.6.1 "Authorized Ports": Ballot 169 "80 (http), 443 (http), 115 (sftp),
 * 25 (smtp), 22 (ssh)"; Ballot 190 removed 115. */
int cabref_adn_authorized_port(uint32_t port, cabref_instant t) {
  if (t < CABREF_ADN_T_BALLOT_169) {
    return 0;
  }
  switch (port) {
  case 80:
  case 443:
  case 25:
  case 22:
    return 1;
  case 115:
    return t < CABREF_ADN_T_BALLOT_190 ? 1 : 0;
  default:
    return 0;
  }
}

/* ADN-EMAIL: BR 3.2.2.4.4 (Ballot 169): 'admin', 'administrator', 'webmaster', 'hostmaster',
 * or 'postmaster' as the local part, followed by "@" and an ADN. */
const char *cabref_adn_email_local(uint32_t i) {
  switch (i) {
  case 0:
    return "admin";
  case 1:
    return "administrator";
  case 2:
    return "webmaster";
  case 3:
    return "hostmaster";
  case 4:
    return "postmaster";
  default:
    return NULL;
  }
}
