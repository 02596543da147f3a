/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-json-lexer-private.h: the byte-level JSON reader under the streaming page parsers
 *
 * Strict on purpose: any token that is not plain, valid JSON makes a read fail, and the caller
 * hands the whole body to json-glib instead. Values convert exactly like ferry_json_get_*(). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *p;
  const char *end;
  GString *buf; /* scratch for unescaping */
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
  char *str;
  gint64 i;
  double d;
  gboolean b;
} Value;

static inline void
ferry_lexer_skip_ws (Lexer *lx)
{
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

void
ferry_value_clear (Value *v);

/* Reads a string token into lx->buf (unescaped). */
gboolean
ferry_lexer_read_string (Lexer *lx);
/* Reads a scalar into @v; objects and arrays are skipped and reported as V_OTHER. */
gboolean
ferry_lexer_read_value (Lexer *lx, Value *v);
/* Skips any value; @depth counts the levels already open (at most 64). */
gboolean
ferry_lexer_skip_value (Lexer *lx, int depth);

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
