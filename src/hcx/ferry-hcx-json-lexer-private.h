/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-json-lexer-private.h: the byte-level JSON reader under the streaming page parsers
 *
 * Strict on purpose: any token that is not plain, valid JSON makes a read fail, and the caller
 * hands the whole body to json-glib instead. Values convert exactly like ferry_json_get_*().
 *
 * It reads a private, writable copy of the body (ferry_lexer_init ()) and works in place: a
 * string is unescaped where it lies (never longer than its escaped form) and NUL-terminated
 * over its closing quote, so keys are matched and values handed to the setters with no copy
 * and no allocation; the strings live as long as the lexer. */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

typedef struct
{
  char *p;
  char *end;
  char *copy;       /* the writable copy of the body, NUL-terminated */
  gboolean cached;  /* copy is the thread's cached buffer (not to be freed) */
  const char *orig; /* the body itself: copy + n is orig + n, as it was before any read */
  char *str;        /* the last string read, NUL-terminated, inside copy */
  gsize len;        /* its length in bytes */
} Lexer;

typedef enum
{
  V_NONE,   /* absent or null */
  V_STRING, /* str */
  V_INT,    /* i */
  V_DOUBLE, /* d */
  V_BOOL,   /* b */
  V_OTHER,  /* object or array */
} ValueType;

typedef struct
{
  ValueType type;
  gboolean b;
  const char *str; /* borrowed from the lexer */
  gint64 i;
  double d;
} Value;

static inline void
ferry_lexer_skip_ws (Lexer *lx)
{
  /* Most tokens follow the one before directly: one test for them. */
  if (G_LIKELY (lx->p < lx->end && (guchar)*lx->p > ' '))
    return;
  while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\n' || *lx->p == '\r' || *lx->p == '\t'))
    lx->p++;
}

/* Skips white space, then consumes @c if it is next. */
static inline gboolean
ferry_lexer_expect (Lexer *lx, char c)
{
  ferry_lexer_skip_ws (lx);
  if (lx->p >= lx->end || *lx->p != c)
    return FALSE;
  lx->p++;
  return TRUE;
}

/* Skips white space; is @c next? */
static inline gboolean
ferry_lexer_peek (Lexer *lx, char c)
{
  ferry_lexer_skip_ws (lx);
  return lx->p < lx->end && *lx->p == c;
}

/* Copies @len bytes of @data, which must be valid UTF-8 (else FALSE: json-glib's call). */
gboolean
ferry_lexer_init (Lexer *lx, const char *data, gsize len);
void
ferry_lexer_clear (Lexer *lx);

/* A 64-bit digest of @len bytes (never 0), to tell whether a part of a body is the same as
 * in an earlier answer. */
guint64
ferry_lexer_digest (const char *data, gsize len);

static inline void
ferry_value_clear (Value *v)
{
  v->type = V_NONE;
}

/* Reads a string token into lx->str and lx->len (unescaped, in place). */
gboolean
ferry_lexer_read_string (Lexer *lx);
/* Reads a scalar into @v; objects and arrays are skipped and reported as V_OTHER. */
gboolean
ferry_lexer_read_value (Lexer *lx, Value *v);
/* Skips any value; @depth counts the levels already open (at most 64). */
gboolean
ferry_lexer_skip_value (Lexer *lx, int depth);

/* Is the last string read @key (@key_len bytes)? */
static inline gboolean
ferry_lexer_is (Lexer *lx, const char *key, gsize key_len)
{
  return lx->len == key_len && memcmp (lx->str, key, key_len) == 0;
}
#define FERRY_LEXER_IS(lx, literal) ferry_lexer_is ((lx), literal, sizeof literal - 1)

/* The conversions of ferry_json_get_*(). */
const char *
ferry_value_as_string (const Value *v);
char *
ferry_value_as_id (const Value *v);
gint64
ferry_value_as_int (const Value *v, gint64 fallback);
gboolean
ferry_value_as_bool (const Value *v, gboolean fallback);

G_END_DECLS
