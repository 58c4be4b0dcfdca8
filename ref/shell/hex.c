/* cabref shell: hexadecimal text to octets, for the "...Hex" fields of the vector files: octet
 * strings that a JSON string cannot carry portably, such as NULs and invalid UTF-8. */
#include "shell.h"

static int hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

int cabref_hex_decode(const char *h, size_t len, uint8_t *out) {
  size_t i;
  if (len % 2u != 0u)
    return -1;
  for (i = 0; i < len / 2u; i++) {
    int hi = hex_digit(h[2u * i]), lo = hex_digit(h[2u * i + 1u]);
    if (hi < 0 || lo < 0)
      return -1;
    out[i] = (uint8_t)(hi * 16 + lo);
  }
  return 0;
}
