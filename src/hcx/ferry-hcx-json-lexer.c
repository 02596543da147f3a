/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-json-lexer.c: strings, numbers and skipped values for the streaming page parsers */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "ferry-hcx-json.h"
#include "ferry-hcx-json-lexer-private.h"

/* Valid UTF-8? Runs of ASCII (almost every byte of an inventory) eight bytes at a time. */
static gboolean
utf8_valid (const char *data, gsize len)
{
  gsize i = 0;

  while (i + 8 <= len)
    {
      guint64 w;

      memcpy (&w, data + i, 8);
      if ((w & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
        break;
      i += 8;
    }
  while (i < len && (guchar)data[i] < 0x80)
    i++;
  return i == len || g_utf8_validate_len (data + i, len - i, NULL);
}

/* Each thread keeps the buffer of its last copy: the pages of a poll are read one after the
 * other by the same few worker threads, and a fresh half-megabyte allocation per page costs
 * more than reading it (page faults, and malloc consolidating its free lists). Up to 8 MB; a
 * lexer opened while the thread's buffer is in use (a log read later) gets its own. */
#define CACHED_BUFFER_MAX (8 * 1024 * 1024)

typedef struct
{
  char *data;
  gsize size;
  gboolean in_use;
} CachedBuffer;

static void
cached_buffer_free (gpointer data)
{
  CachedBuffer *cb = data;

  g_free (cb->data);
  g_free (cb);
}

static GPrivate cached_buffer = G_PRIVATE_INIT (cached_buffer_free);

static char *
take_buffer (gsize size, gboolean *cached)
{
  CachedBuffer *cb = g_private_get (&cached_buffer);

  *cached = FALSE;
  if (size > CACHED_BUFFER_MAX || (cb != NULL && cb->in_use))
    return g_malloc (size);
  if (cb == NULL)
    {
      cb = g_new0 (CachedBuffer, 1);
      g_private_set (&cached_buffer, cb);
    }
  if (cb->size < size)
    {
      g_free (cb->data);
      cb->data = g_malloc (size);
      cb->size = size;
    }
  cb->in_use = TRUE;
  *cached = TRUE;
  return cb->data;
}

static void
give_back_buffer (char *data)
{
  CachedBuffer *cb = g_private_get (&cached_buffer);

  g_assert (cb != NULL && cb->data == data);
  cb->in_use = FALSE;
}

gboolean
ferry_lexer_init (Lexer *lx, const char *data, gsize len)
{
  memset (lx, 0, sizeof *lx);
  if (data == NULL || len == 0 || len >= G_MAXSIZE - 1 || !utf8_valid (data, len))
    return FALSE;
  lx->copy = take_buffer (len + 1, &lx->cached);
  memcpy (lx->copy, data, len);
  lx->copy[len] = '\0';
  lx->orig = data;
  lx->p = lx->copy;
  lx->end = lx->copy + len;
  return TRUE;
}

void
ferry_lexer_clear (Lexer *lx)
{
  if (lx->cached)
    give_back_buffer (lx->copy);
  else
    g_free (lx->copy);
  lx->copy = NULL;
  lx->cached = FALSE;
  lx->p = lx->end = lx->str = NULL;
  lx->orig = NULL;
}

guint64
ferry_lexer_digest (const char *data, gsize len)
{
  /* Eight bytes at a time, each word mixed in with a multiply and a shift (the length last,
   * so that a trailing zero byte counts): not for adversaries, who control the log anyway. */
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, data + i, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 32;
    }
  if (i < len)
    {
      guint64 w = 0;

      memcpy (&w, data + i, len - i);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 32;
    }
  h = (h ^ len) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h != 0 ? h : 1;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int h = g_ascii_xdigit_value (p[i]);

      if (h < 0)
        return -1;
      v = v * 16 + h;
    }
  return v;
}

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether any byte of @w is a quote, a backslash or a control character (below 0x20): the
 * classic tests for a zero byte (x - 1) & ~x & 0x80 and for a byte below n (x - n) & ~x & 0x80,
 * which may be wrong about which byte it is but never about whether there is one. */
static inline gboolean
word_stops_string (guint64 w)
{
  guint64 quote = w ^ (ONES * '"');
  guint64 backslash = w ^ (ONES * '\\');

  return ((((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((w - ONES * 0x20) & ~w))
          & HIGHS)
         != 0;
}

gboolean
ferry_lexer_read_string (Lexer *lx)
{
  char *w;

  ferry_lexer_skip_ws (lx);
  if (lx->p >= lx->end || *lx->p != '"')
    return FALSE;
  lx->p++;
  lx->str = lx->p;
  /* The plain part: no copy at all, eight bytes at a time while none of them ends it. */
  while (lx->end - lx->p >= 8)
    {
      guint64 word;

      memcpy (&word, lx->p, 8);
      if (word_stops_string (word))
        break;
      lx->p += 8;
    }
  while (lx->p < lx->end && *lx->p != '"' && *lx->p != '\\' && (guchar)*lx->p >= 0x20)
    lx->p++;
  w = lx->p;
  while (lx->p < lx->end)
    {
      char c = *lx->p;

      if (c == '"')
        {
          *w = '\0';
          lx->len = (gsize)(w - lx->str);
          lx->p++;
          return TRUE;
        }
      if ((guchar)c < 0x20)
        return FALSE;
      if (c != '\\')
        {
          *w++ = c;
          lx->p++;
          continue;
        }
      /* An escape: what it stands for is never longer than itself, so w stays behind p. */
      if (lx->end - lx->p < 2)
        return FALSE;
      lx->p++;
      switch (*lx->p)
        {
          case '"':
          case '\\':
          case '/':
            *w++ = *lx->p++;
            break;
          case 'b':
            *w++ = '\b';
            lx->p++;
            break;
          case 'f':
            *w++ = '\f';
            lx->p++;
            break;
          case 'n':
            *w++ = '\n';
            lx->p++;
            break;
          case 'r':
            *w++ = '\r';
            lx->p++;
            break;
          case 't':
            *w++ = '\t';
            lx->p++;
            break;
          case 'u':
            {
              gunichar u;

              if (lx->end - lx->p < 5 || (int)(u = hex4 (lx->p + 1)) < 0)
                return FALSE;
              lx->p += 5;
              if (u >= 0xD800 && u <= 0xDBFF)
                {
                  int lo;

                  if (lx->end - lx->p < 6 || lx->p[0] != '\\' || lx->p[1] != 'u')
                    return FALSE;
                  lo = hex4 (lx->p + 2);
                  if (lo < 0xDC00 || lo > 0xDFFF)
                    return FALSE;
                  u = 0x10000 + ((u - 0xD800) << 10) + ((gunichar)lo - 0xDC00);
                  lx->p += 6;
                }
              else if ((u >= 0xDC00 && u <= 0xDFFF) || u == 0)
                return FALSE; /* lone surrogate or NUL: leave it to json-glib */
              w += g_unichar_to_utf8 (u, w);
            }
            break;
          default:
            return FALSE;
        }
    }
  return FALSE;
}

static gboolean
read_number (Lexer *lx, Value *v)
{
  const char *s = lx->p;
  gboolean is_double = FALSE;
  char tmp[64];
  gsize n;

  if (lx->p < lx->end && *lx->p == '-')
    lx->p++;
  if (lx->p >= lx->end || !g_ascii_isdigit (*lx->p))
    return FALSE;
  if (*lx->p == '0' && lx->p + 1 < lx->end && g_ascii_isdigit (lx->p[1]))
    return FALSE;
  while (lx->p < lx->end && g_ascii_isdigit (*lx->p))
    lx->p++;
  if (lx->p < lx->end && *lx->p == '.')
    {
      is_double = TRUE;
      lx->p++;
      if (lx->p >= lx->end || !g_ascii_isdigit (*lx->p))
        return FALSE;
      while (lx->p < lx->end && g_ascii_isdigit (*lx->p))
        lx->p++;
    }
  if (lx->p < lx->end && (*lx->p == 'e' || *lx->p == 'E'))
    {
      is_double = TRUE;
      lx->p++;
      if (lx->p < lx->end && (*lx->p == '+' || *lx->p == '-'))
        lx->p++;
      if (lx->p >= lx->end || !g_ascii_isdigit (*lx->p))
        return FALSE;
      while (lx->p < lx->end && g_ascii_isdigit (*lx->p))
        lx->p++;
    }
  n = (gsize)(lx->p - s);
  if (!is_double && n <= 18)
    {
      /* At most 18 digits: no overflow, no strtoll. */
      gint64 x = 0;

      for (const char *d = *s == '-' ? s + 1 : s; d < lx->p; d++)
        x = x * 10 + (*d - '0');
      v->type = V_INT;
      v->i = *s == '-' ? -x : x;
      return TRUE;
    }
  if (n >= sizeof tmp)
    return FALSE;
  memcpy (tmp, s, n);
  tmp[n] = '\0';
  if (is_double)
    {
      v->type = V_DOUBLE;
      v->d = g_ascii_strtod (tmp, NULL);
      if (!isfinite (v->d))
        return FALSE;
    }
  else
    {
      errno = 0;
      v->type = V_INT;
      v->i = g_ascii_strtoll (tmp, NULL, 10);
      if (errno != 0)
        return FALSE; /* out of range: json-glib's call */
    }
  return TRUE;
}

static gboolean
match_word (Lexer *lx, const char *word)
{
  gsize n = strlen (word);

  if ((gsize)(lx->end - lx->p) < n || memcmp (lx->p, word, n) != 0)
    return FALSE;
  lx->p += n;
  return TRUE;
}

gboolean
ferry_lexer_read_value (Lexer *lx, Value *v)
{
  ferry_value_clear (v);
  ferry_lexer_skip_ws (lx);
  if (lx->p >= lx->end)
    return FALSE;
  switch (*lx->p)
    {
      case '"':
        if (!ferry_lexer_read_string (lx))
          return FALSE;
        v->type = V_STRING;
        v->str = lx->str;
        return TRUE;
      case 't':
        v->type = V_BOOL;
        v->b = TRUE;
        return match_word (lx, "true");
      case 'f':
        v->type = V_BOOL;
        v->b = FALSE;
        return match_word (lx, "false");
      case 'n':
        v->type = V_NONE;
        return match_word (lx, "null");
      case '{':
      case '[':
        v->type = V_OTHER;
        return ferry_lexer_skip_value (lx, 0);
      default:
        return read_number (lx, v);
    }
}

gboolean
ferry_lexer_skip_value (Lexer *lx, int depth)
{
  Value v = { 0 };
  gboolean ok;

  if (depth > 64)
    return FALSE;
  ferry_lexer_skip_ws (lx);
  if (lx->p >= lx->end)
    return FALSE;
  if (*lx->p == '{')
    {
      lx->p++;
      if (ferry_lexer_expect (lx, '}'))
        return TRUE;
      do
        {
          if (!ferry_lexer_read_string (lx) || !ferry_lexer_expect (lx, ':')
              || !ferry_lexer_skip_value (lx, depth + 1))
            return FALSE;
        }
      while (ferry_lexer_expect (lx, ','));
      return ferry_lexer_expect (lx, '}');
    }
  if (*lx->p == '[')
    {
      lx->p++;
      if (ferry_lexer_expect (lx, ']'))
        return TRUE;
      do
        {
          if (!ferry_lexer_skip_value (lx, depth + 1))
            return FALSE;
        }
      while (ferry_lexer_expect (lx, ','));
      return ferry_lexer_expect (lx, ']');
    }
  ok = ferry_lexer_read_value (lx, &v);
  ferry_value_clear (&v);
  return ok;
}

const char *
ferry_value_as_string (const Value *v)
{
  return v->type == V_STRING ? v->str : NULL;
}

char *
ferry_value_as_id (const Value *v)
{
  if (v->type == V_STRING)
    return g_strdup (v->str);
  if (v->type == V_INT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, v->i);
  return NULL;
}

gint64
ferry_value_as_int (const Value *v, gint64 fallback)
{
  switch (v->type)
    {
      case V_INT:
        return v->i;
      case V_DOUBLE:
        if (!isfinite (v->d) || v->d > (double)G_MAXINT64 || v->d < (double)G_MININT64)
          return fallback;
        return (gint64)v->d;
      case V_STRING:
        return ferry_json_string_to_int (v->str, fallback);
      case V_NONE:
      case V_BOOL:
      case V_OTHER:
      default:
        return fallback;
    }
}

gboolean
ferry_value_as_bool (const Value *v, gboolean fallback)
{
  switch (v->type)
    {
      case V_BOOL:
        return v->b;
      case V_INT:
        return v->i != 0;
      case V_STRING:
        return ferry_json_string_to_bool (v->str, fallback);
      case V_NONE:
      case V_DOUBLE:
      case V_OTHER:
      default:
        return fallback;
    }
}
