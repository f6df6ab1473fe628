#ifndef AWXREPORT_CLIBXML2_SHIM_H
#define AWXREPORT_CLIBXML2_SHIM_H
// xmlversion.h first, then switch ICU off: libxml2's ICU headers clash with
// the ICU that Foundation carries ("UErrorCode has different definitions").
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/hash.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <libxml/catalog.h>
#include <libxml/SAX2.h>
#include <libxml/xmlIO.h>
#include <libxml/globals.h>
#include <libxml/xmlschemas.h>

// valid.h defines this only for libxml2's own build (IN_LIBXML): the value of
// `xmlValidCtxt.finishDtd`, in a parser's embedded validation context, once the DTD has been
// checked and the root validated. Setting it before the root element skips both.
#define AWX_XML_CTXT_FINISH_DTD_1 0xabcd1235u
#endif
