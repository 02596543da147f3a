/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ferry-hcx-error.h: the FERRY_HCX_ERROR domain. Cancellation is reported as
 * G_IO_ERROR_CANCELLED, never as one of these. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FERRY_HCX_ERROR (ferry_hcx_error_quark ())

typedef enum
{
  FERRY_HCX_ERROR_UNREACHABLE,           /* DNS, refused, reset before any response, … */
  FERRY_HCX_ERROR_TIMEOUT,               /* connect or overall request timeout */
  FERRY_HCX_ERROR_CERTIFICATE_UNTRUSTED, /* see ferry_hcx_client_get_peer_certificate() */
  FERRY_HCX_ERROR_CERTIFICATE_CHANGED,   /* differs from the pinned fingerprint */
  FERRY_HCX_ERROR_TLS,                   /* other TLS failure (handshake, protocol) */
  FERRY_HCX_ERROR_BAD_CREDENTIALS,       /* 401 on login, or re-login failed */
  FERRY_HCX_ERROR_FORBIDDEN,             /* 403: the role lacks a permission */
  FERRY_HCX_ERROR_NOT_FOUND,             /* 404 */
  FERRY_HCX_ERROR_BAD_REQUEST,           /* 400 (or another 4xx) with the server's message */
  FERRY_HCX_ERROR_SERVER_ERROR,          /* 5xx */
  FERRY_HCX_ERROR_UNEXPECTED_RESPONSE,   /* XML/HTML/empty/malformed/unusable body */
  FERRY_HCX_ERROR_NOT_LOGGED_IN,         /* a call before a successful login */
  FERRY_HCX_ERROR_START_UNCONFIRMED,     /* a start or group creation was interrupted and no
                                            query found what it created: not confirmed yet,
                                            do not blindly retry */
  FERRY_HCX_ERROR_INVALID_ARGUMENT,      /* bad server address, empty intent list, … */
  FERRY_HCX_ERROR_SESSION_EXPIRED,       /* a call that is not safe to repeat (start, cancel,
                                            groups) met an expired session: the client logged in
                                            again but did not resend it; nothing was done */
} FerryHcxError;

GQuark
ferry_hcx_error_quark (void);

G_END_DECLS
